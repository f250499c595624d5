import 'reflect-metadata';
import { withEnvironment } from './support/environment';
import { seedBenchData } from './support/seed';
import { mintTokens } from './support/tokens';

/**
 * What one request of a GET route costs the built API, counted rather than timed (timings
 * on a shared machine are noise): database transactions per request (from PostgreSQL's
 * own statistics; each statement outside a transaction is one), response bytes, API CPU per request.
 *
 *   node -r @swc-node/register tools/bench/src/route-cost.ts /api/courses /api/me
 *
 * (SWC_NODE_PROJECT=tools/bench/tsconfig.json; build the api first.) Run it on two commits
 * to see what a regression added. `{lesson}` in a path stands for a lesson of the bench course.
 */
const REQUESTS = Number(process.env.ROUTE_COST_REQUESTS ?? 400);

async function main(paths: string[]): Promise<void> {
  await withEnvironment('cost', async (env) => {
    const data = await seedBenchData(env.pg, 200);
    // ROUTE_COST_PROFILE=<dir>: the API also writes a CPU profile there when it stops.
    const dir = process.env.ROUTE_COST_PROFILE;
    const base = await env.startApi(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
    const tokens = [...(await mintTokens(env, base, data.usernames)).values()];
    const db = new URL(env.databaseUrl).pathname.slice(1);
    const stats = async () =>
      (
        await env.query<{ xact: string; tup: string }>(
          `SELECT xact_commit + xact_rollback AS xact, tup_returned + tup_fetched AS tup
             FROM pg_stat_database WHERE datname = $1`,
          [db],
        )
      )[0];
    for (const template of paths.length ? paths : ['/api/courses']) {
      const path = template.replace('{lesson}', data.course.lessonIds[0]);
      const get = (i: number) =>
        fetch(`${base}${path}`, {
          headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
        });
      // Every token once first: warms JIT and the per-sign-in account status cache.
      for (let i = 0; i < 2 * tokens.length; i++) await (await get(i)).arrayBuffer();
      await env.query('SELECT pg_stat_clear_snapshot()');
      const s0 = await stats();
      const cpu0 = env.apiCpuSeconds(base);
      let bytes = 0;
      let status = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const res = await get(i);
        status = res.status;
        bytes += (await res.arrayBuffer()).byteLength;
      }
      const cpu = (env.apiCpuSeconds(base) - cpu0) / REQUESTS;
      // Statistics reach pg_stat_database when a backend goes idle; give them a moment.
      await new Promise((r) => setTimeout(r, 1_500));
      await env.query('SELECT pg_stat_clear_snapshot()');
      const s1 = await stats();
      console.log(
        `${template}: HTTP ${status}, ${(bytes / REQUESTS).toFixed(0)} B, ` +
          `${((Number(s1.xact) - Number(s0.xact)) / REQUESTS).toFixed(2)} transactions, ` +
          `${((Number(s1.tup) - Number(s0.tup)) / REQUESTS).toFixed(1)} rows read, ` +
          `${(cpu * 1000).toFixed(3)} ms API CPU per request`,
      );
    }
  });
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
