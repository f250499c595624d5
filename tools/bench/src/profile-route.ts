import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEnvironment } from './support/environment';
import { describe, load } from './support/load';
import { seedBenchData } from './support/seed';
import { mintTokens } from './support/tokens';

/**
 * Where a GET route's server time goes: the built API under `--cpu-prof` takes 200
 * connections for 10 s, then the functions with the most self time are printed.
 *
 *   node -r @swc-node/register tools/bench/src/profile-route.ts /api/courses
 *
 * (SWC_NODE_PROJECT=tools/bench/tsconfig.json; build the api first.) Not part of the bench:
 * a profiler slows what it measures. `{lesson}` in the path stands for a lesson of the bench
 * course, each learner always reading the same one, as in the API section's lesson runs.
 * `--cpu-only`: no profiler, only the API's CPU per request over 20,000 requests of that
 * load (the figure to compare before and after a change: CPU time hardly moves with other
 * work on the machine).
 */
async function main(path = '/api/courses', cpuOnly = false): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dx-prof-'));
  await withEnvironment('profile', async (env) => {
    const data = await seedBenchData(env.pg, 500);
    const base = await env.startApi(cpuOnly ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const tokens = [...(await mintTokens(env, base, data.usernames)).values()];
    const lessons = data.course.lessonIds;
    const pathOf = (learner: number) => path.replace('{lesson}', lessons[learner % lessons.length]);
    let turn = 0;
    const setup = (req: { path?: string; headers?: Record<string, string> }) => {
      const learner = turn++ % tokens.length;
      req.path = pathOf(learner);
      req.headers = { ...req.headers, authorization: `Bearer ${tokens[learner]}` };
    };
    const url = `${base}${pathOf(0)}`;
    // Counted, not timed: on a busy machine 2 s may be too few requests to warm the JIT, and
    // a CPU figure over a fixed number of requests does not depend on the rate reached.
    await load({ url, connections: 200, amount: 3_000, setup });
    const measure = cpuOnly ? { amount: 20_000 } : { duration: 10 };
    const r = await load({ url, connections: 200, ...measure, setup }, () =>
      env.apiCpuSeconds(base),
    );
    console.log(`${path}: ${describe(r)}`);
  }); // closing the environment stops the API, which writes its profile
  if (cpuOnly) return;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${dir}`);
  printTopSelfTime(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
  console.log(`profile: ${join(dir, file)} (open in Chrome DevTools → Performance)`);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (and per package, for node_modules), largest first. */
function printTopSelfTime(p: CpuProfile): void {
  const byNode = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byNode.get(id);
    const us = p.timeDeltas[i] ?? 0;
    if (!f) return;
    const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
    const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const pkg = f.url.includes('node_modules/')
      ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url)?.[1] ?? '?')
      : f.url.startsWith('node:') || !f.url
        ? f.functionName.startsWith('(') ? f.functionName : 'node internals'
        : 'app';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const show = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
  show('self time by package', byPackage, 15);
  show('self time by function', self, 40);
}

main(process.argv[2], process.argv.includes('--cpu-only')).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
