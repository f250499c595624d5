import { Pool } from 'pg';
import { databaseCost } from './database-cost';

/** The reference's rate and what each write cost the database's backends. */
export interface BareWrites {
  rate: number;
  dbCpuMsPerWrite: number | null;
  /** CPU of this process (the `pg` client) per write. */
  clientCpuMsPerWrite: number;
}

/**
 * What the database alone can do for a quiz write, as the reference for the API's quiz
 * routes: the least a submit must do (one row updated with its grade, durable commit) and
 * the least a start must do (one row inserted, durable commit), through `pg` with the API's
 * pool size and as many writes waiting as the load has connections. No HTTP, no JSON, no
 * checks: the ceiling no implementation of the routes can pass on this machine.
 */
export async function bareWriteRate(
  databaseUrl: string,
  kind: 'update' | 'insert',
  opts: { poolSize: number; inFlight: number; seconds: number },
): Promise<BareWrites> {
  const pool = new Pool({ connectionString: databaseUrl, max: opts.poolSize });
  try {
    await pool.query(`DROP TABLE IF EXISTS bench_quiz_write`);
    await pool.query(
      `CREATE TABLE bench_quiz_write (
         id bigint PRIMARY KEY, user_id uuid NOT NULL, status text NOT NULL,
         score int, answers jsonb, started_at timestamptz NOT NULL DEFAULT now(),
         submitted_at timestamptz)`,
    );
    // Enough rows that every update touches a row nobody touched before, as submits do.
    const rows = 200_000;
    if (kind === 'update')
      await pool.query(
        `INSERT INTO bench_quiz_write (id, user_id, status)
         SELECT i, gen_random_uuid(), 'open' FROM generate_series(1, $1::int) i`,
        [rows],
      );
    await pool.query('ANALYZE bench_quiz_write');
    const answers = JSON.stringify(
      Array.from({ length: 10 }, (_, q) => ({ questionId: q, optionIds: [1] })),
    );
    let next = 0;
    let done = 0;
    const until = performance.now() + opts.seconds * 1000;
    const loop = async () => {
      while (performance.now() < until && next < rows) {
        const id = ++next;
        if (kind === 'update')
          await pool.query(
            `UPDATE bench_quiz_write SET status = 'submitted', score = $2, answers = $3,
                    submitted_at = now() WHERE id = $1 AND status = 'open'`,
            [id, 70, answers],
          );
        else
          await pool.query(
            `INSERT INTO bench_quiz_write (id, user_id, status) VALUES ($1, gen_random_uuid(), 'open')`,
            [id],
          );
        done++;
      }
    };
    // Every connection open before the measure: backends started inside it are not counted.
    const clients = await Promise.all(Array.from({ length: opts.poolSize }, () => pool.connect()));
    clients.forEach((c) => c.release());
    const datname = new URL(databaseUrl).pathname.slice(1);
    let seconds = 0;
    const cpu0 = process.cpuUsage();
    const { cost } = await databaseCost(pool, datname, async () => {
      const began = performance.now();
      await Promise.all(Array.from({ length: opts.inFlight }, loop));
      seconds = (performance.now() - began) / 1000;
    });
    const client = process.cpuUsage(cpu0);
    return {
      rate: done / seconds,
      dbCpuMsPerWrite: cost.cpuSeconds === null ? null : (cost.cpuSeconds * 1000) / done,
      clientCpuMsPerWrite: (client.user + client.system) / 1000 / done,
    };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS bench_quiz_write`).catch(() => undefined);
    await pool.end();
  }
}
