import type { Plugin } from 'vite';

/** What a plugin's build context tells of the module graph. */
interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** One chunk made of the app's own modules that `roots` import, statically, in the end. */
export interface ChunkGroup {
  name: string;
  /** Ends of module ids (e.g. `/src/app/App.tsx`). */
  roots: string[];
  /** Roots whose modules stay out of this chunk (they load without it). */
  leave: string[];
}

/**
 * Fewer, larger chunks for the code of the first screen. Left to the bundler, every set of
 * dynamic imports sharing a module gets a chunk of its own: since the entry script starts
 * the opened page beside the app (boot/early-route.ts), a helper the app and a page both
 * use (PageStatus, useMe…) and one a few pages share (paths, API calls, hooks) each became
 * a chunk of 200–900 bytes. A lesson's first load was 24 scripts of which 15 under 1 KB,
 * 33 requests with the data; a phone on a slow connection pays a round trip for each one
 * beyond the six the browser runs at once.
 *
 * Each group takes the app's modules (not node_modules, not stylesheets) its roots reach,
 * except those of the entry script, of the groups before it and of its `leave` roots. A
 * group's chunk then only imports chunks that never import it (no cycle, so the modules
 * run in the same order), and pages outside the group that use one of its modules load
 * that chunk (a few KB) instead of the module's own small chunk.
 */
export function pageChunks(options: { entry: string; groups: ChunkGroup[] }): Plugin {
  const members = new Map<string, Set<string>>(options.groups.map((g) => [g.name, new Set()]));
  return {
    name: 'dx-page-chunks',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: options.groups.map((group) => ({
                name: group.name,
                test: (id: string) => members.get(group.name)?.has(id) ?? false,
                // The members are the whole set already; what they import stays where it is.
                includeDependenciesRecursively: false,
              })),
            },
          },
        },
      },
    }),
    buildEnd() {
      const taken = closure(this, [options.entry]);
      for (const group of options.groups) {
        const left = closure(this, group.leave);
        const reached = closure(this, group.roots);
        const own = members.get(group.name) as Set<string>;
        own.clear();
        for (const id of reached)
          if (!taken.has(id) && !left.has(id) && !/node_modules|\.css$/.test(id)) own.add(id);
        // Later groups leave all this group's roots reach, libraries included.
        reached.forEach((id) => taken.add(id));
      }
    },
  };
}

/** The modules `ends` name and all they import statically. */
function closure(graph: ModuleGraph, ends: string[]): Set<string> {
  const ids = [...graph.getModuleIds()];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    graph.getModuleInfo(id)?.importedIds.forEach(visit);
  };
  for (const end of ends) {
    const root = ids.find((id) => id.endsWith(end));
    if (!root) throw new Error(`dx-page-chunks: no module ${end} in the build`);
    visit(root);
  }
  return seen;
}
