import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** The one profile a process wrote into `dir` when it stopped. */
export function readCpuProfile(dir: string): { file: string; profile: CpuProfile } {
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!name) throw new Error(`no profile in ${dir}`);
  const file = join(dir, name);
  return { file, profile: JSON.parse(readFileSync(file, 'utf8')) as CpuProfile };
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

function frameKey(f: Frame): string {
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
  return `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
}

function packageOf(f: Frame): string {
  if (f.url.includes('node_modules/'))
    return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url)?.[1] ?? '?';
  if (f.url.startsWith('node:') || !f.url)
    return f.functionName.startsWith('(') ? f.functionName : 'node internals';
  return 'app';
}

/**
 * Self time per function and per package (node_modules), and total time (self + callees,
 * each sample counted once per function even when it recurses) per function: self time says
 * which code is hot, total time which of our calls it is spent under. `perItem` divides the
 * times into milliseconds per item (e.g. per certificate) next to the percentages.
 */
export function printCpuProfile(p: CpuProfile, opts: { top?: number; perItem?: number } = {}): void {
  const top = opts.top ?? 40;
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    const node = byNode.get(id);
    if (!node) return;
    add(self, frameKey(node.callFrame), us);
    add(byPackage, packageOf(node.callFrame), us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = frameKey((byNode.get(at) as CpuProfile['nodes'][number]).callFrame);
      if (!seen.has(key)) add(total, key, us);
      seen.add(key);
    }
  });
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  const show = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      const ms = opts.perItem ? `${(us / 1000 / opts.perItem).toFixed(2).padStart(7)} ms  ` : '';
      console.log(`${((100 * us) / all).toFixed(1).padStart(5)} %  ${ms}${k}`);
    }
  };
  show('self time by package', byPackage, 15);
  show('self time by function', self, top);
  show('total time (self + callees) by function', total, top);
}
