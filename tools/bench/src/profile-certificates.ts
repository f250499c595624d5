import 'reflect-metadata';
import { buildDataSourceOptions } from '@dx/db';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { cpuMsPerItem, issueThroughWorker } from './support/certificate-rounds';
import { printCpuProfile, readCpuProfile } from './support/cpu-profile';
import { withEnvironment } from './support/environment';

/**
 * Where the worker's time per certificate goes: the built worker under `--cpu-prof` issues
 * N certificates (default 300) through the whole pipeline, as the certificates bench does,
 * then the functions with the most self and total time are printed, in ms per certificate
 * (the worker's start-up and the 5 warm-up certificates are in the profile too).
 *
 *   node -r @swc-node/register tools/bench/src/profile-certificates.ts [N]
 *
 * (SWC_NODE_PROJECT=tools/bench/tsconfig.json; build the worker first.) Not part of the
 * bench: a profiler slows what it measures.
 */
async function main(n = 300): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dx-prof-'));
  await withEnvironment('profile_cert', async (env) => {
    const db = await new DataSource(
      buildDataSourceOptions({ url: env.databaseUrl, poolSize: 4 }),
    ).initialize();
    try {
      const pid = await env.startWorker({}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      await issueThroughWorker(db, pid, 5);
      const round = await issueThroughWorker(db, pid, n);
      console.log(
        `${n} certificates in ${round.seconds.toFixed(1)} s, worker CPU ${cpuMsPerItem(round).toFixed(1)} ms/certificate (profiled)`,
      );
    } finally {
      await db.destroy();
    }
  }); // closing the environment stops the worker, which writes its profile
  const { file, profile } = readCpuProfile(dir);
  printCpuProfile(profile, { perItem: n + 5 });
  console.log(`profile: ${file} (open in Chrome DevTools → Performance)`);
}

main(process.argv[2] ? Number(process.argv[2]) : undefined).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
