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
 * a profiler slows what it measures.
 */
async function main(path = '/api/courses'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dx-prof-'));
  await withEnvironment('profile', async (env) => {
    const data = await seedBenchData(env.pg, 500);
    const base = await env.startApi(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const tokens = [...(await mintTokens(env, base, data.usernames)).values()];
    let turn = 0;
    const setup = (req: { headers?: Record<string, string> }) => {
      req.headers = { ...req.headers, authorization: `Bearer ${tokens[turn++ % tokens.length]}` };
    };
    await load({ url: `${base}${path}`, connections: 200, duration: 2, setup });
    const r = await load({ url: `${base}${path}`, connections: 200, duration: 10, setup }, () =>
      env.apiCpuSeconds(base),
    );
    console.log(`${path}: ${describe(r)}`);
  }); // closing the environment stops the API, which writes its profile
  const { file, profile } = readCpuProfile(dir);
  printCpuProfile(profile);
  console.log(`profile: ${file} (open in Chrome DevTools → Performance)`);
}

main(process.argv[2]).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
