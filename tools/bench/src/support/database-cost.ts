import type { Pool } from 'pg';
import { cpuBetween } from '../national/backend-cpu';
import { cpuSeconds } from './processes';

/** What a stretch of work cost the database: its backends' CPU and its transactions. */
export interface DatabaseCost {
  cpuSeconds: number | null;
  transactions: number;
}

/**
 * Runs `work` and measures what it cost the database `datname`: CPU of all its backends
 * (from /proc, so it holds whatever else shares the cores; backends that both start and end
 * inside `work` are missed, pools keep theirs) and committed + rolled-back transactions
 * (each statement outside a transaction is one). `pool` is only used for the readings.
 */
export async function databaseCost<T>(
  pool: Pool,
  datname: string,
  work: () => Promise<T>,
): Promise<{ result: T; cost: DatabaseCost }> {
  const reading = async () => {
    // Statistics reach pg_stat_database when a backend goes idle; give them a moment.
    await new Promise((r) => setTimeout(r, 1_000));
    await pool.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [datname],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) cpu.set(pid, cpuSeconds(pid));
    const {
      rows: [stat],
    } = await pool.query<{ xact: string }>(
      'SELECT xact_commit + xact_rollback AS xact FROM pg_stat_database WHERE datname = $1',
      [datname],
    );
    const local = [...cpu.values()].every(Number.isFinite);
    return { cpu: local ? cpu : null, xact: Number(stat.xact) };
  };
  const before = await reading();
  const result = await work();
  const after = await reading();
  return {
    result,
    cost: {
      cpuSeconds: cpuBetween(before.cpu, after.cpu),
      // Includes the readings' own few statements: noise against thousands of requests.
      transactions: after.xact - before.xact,
    },
  };
}
