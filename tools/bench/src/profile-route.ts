import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printCpuProfile, readCpuProfile } from './support/cpu-profile';
import { withEnvironment } from './support/environment';
import { describe, load } from './support/load';
import { seedBenchData } from './support/seed';
import { mintTokens } from './support/tokens';

/**
 * Where a GET route's server time goes: the built API under `--cpu-prof` takes 200
 * connections for 10 s, then the functions with the most self and total time are printed.
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
  const { file, profile } = readCpuProfile(dir);
  printCpuProfile(profile);
  console.log(`profile: ${file} (open in Chrome DevTools → Performance)`);
}

main(process.argv[2], process.argv.includes('--cpu-only')).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
