import { Pool } from 'pg';

export interface CommitProbeResult {
  /** Every bare commit: when it was due (epoch ms) and its latency from then, ms. */
  commits: { due: number; ms: number }[];
  errors: number;
  /**
   * Every 100 ms (epoch ms): the PostgreSQL backends of the API busy at that moment (not
   * idle), each as `wait_event_type:wait_event` or `CPU` when it waits on nothing.
   */
  busy: { at: number; waits: string[] }[];
  /** Checkpoints that started while the probe ran, and WAL full-page images written. */
  checkpoints: number;
  walFpi: number;
}

const SAMPLE_MS = 100;

/**
 * The database's own commit latency next to a route under test, in the same seconds: a bare
 * INSERT + durable commit offered at `rate` per second (constant arrival, each timed from
 * when it was due, as the open loop times requests), on a pool of its own, into a table of
 * its own. A second where these bare commits are slow too is the disk or the server (WAL
 * fsync, a checkpoint), not the route's code. Every 100 ms it also samples what the API's
 * backends (application_name `apiName`) are doing: how many are busy at once (all of its
 * pool: requests wait for a connection in the API) and what they wait on.
 */
export async function startCommitProbe(
  databaseUrl: string,
  opts: { rate: number; poolSize: number; apiName: string },
): Promise<{ stop(): Promise<CommitProbeResult> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: opts.poolSize + 1 });
  await pool.query('DROP TABLE IF EXISTS bench_commit_probe');
  await pool.query(
    `CREATE TABLE bench_commit_probe (id bigserial PRIMARY KEY, user_id uuid NOT NULL,
       status text NOT NULL, started_at timestamptz NOT NULL DEFAULT now())`,
  );
  const datname = new URL(databaseUrl).pathname.slice(1);
  // PostgreSQL 14–16 views (17 moved the checkpoint counts): NaN where they are missing.
  const walAndCheckpoints = async () =>
    (
      await pool
        .query<{ fpi: string; checkpoints: string }>(
          `SELECT (SELECT wal_fpi FROM pg_stat_wal) AS fpi,
                  (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter) AS checkpoints`,
        )
        .catch(() => ({ rows: [{ fpi: 'NaN', checkpoints: 'NaN' }] }))
    ).rows[0];
  const before = await walAndCheckpoints();
  const timed: { due: number; ms: number }[] = [];
  const busy: { at: number; waits: string[] }[] = [];
  let errors = 0;
  let running = true;
  const began = Date.now();
  const interval = 1000 / opts.rate;
  const inFlight = new Set<Promise<void>>();

  let sent = 0;
  const send = () => {
    // Every commit that has come due, so a late timer does not lower the rate.
    while (running && began + sent * interval <= Date.now()) {
      const due = began + sent++ * interval;
      const p = pool
        .query(`INSERT INTO bench_commit_probe (user_id, status) VALUES (gen_random_uuid(), 'open')`)
        .then(
          () => void timed.push({ due, ms: Date.now() - due }),
          () => void errors++,
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  };
  const sender = setInterval(send, Math.max(1, Math.floor(interval)));

  const sample = async () => {
    const { rows } = await pool.query<{ wait: string }>(
      `SELECT CASE WHEN wait_event IS NULL THEN 'CPU' ELSE wait_event_type || ':' || wait_event END AS wait
         FROM pg_stat_activity
        WHERE datname = $1 AND application_name = $2 AND state <> 'idle'`,
      [datname, opts.apiName],
    );
    busy.push({ at: Date.now(), waits: rows.map((r) => r.wait) });
  };
  let sampling = Promise.resolve();
  const sampler = setInterval(() => {
    sampling = sampling.then(sample).catch(() => undefined);
  }, SAMPLE_MS);

  return {
    async stop() {
      running = false;
      clearInterval(sender);
      clearInterval(sampler);
      await sampling;
      await Promise.all(inFlight);
      const after = await walAndCheckpoints();
      await pool.query('DROP TABLE IF EXISTS bench_commit_probe').catch(() => undefined);
      await pool.end();
      return {
        commits: timed,
        errors,
        busy,
        checkpoints: Number(after.checkpoints) - Number(before.checkpoints),
        walFpi: Number(after.fpi) - Number(before.fpi),
      };
    },
  };
}
