import type { Pool } from 'pg';
import { cpuBetween } from '../national/backend-cpu';
import { cpuSeconds } from './processes';

/**
 * What a stretch of work cost the database: its backends' CPU. (Not its transactions:
 * pg_stat_database publishes a backend's counts up to 10 s after the fact, and in trials
 * the same route read 2.5 then 4.1 per request.)
 */
export interface DatabaseCost {
  cpuSeconds: number | null;
}

/**
 * Runs `work` and measures what it cost the database `datname`: CPU of all its backends
 * (from /proc, so it holds whatever else shares the cores; backends that both start and end
 * inside `work` are missed, pools keep theirs). `pool` is only used for the readings.
 */
export async function databaseCost<T>(
  pool: Pool,
  datname: string,
  work: () => Promise<T>,
): Promise<{ result: T; cost: DatabaseCost }> {
  const reading = async () => {
    const { rows } = await pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [datname],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) cpu.set(pid, cpuSeconds(pid));
    return [...cpu.values()].every(Number.isFinite) ? cpu : null;
  };
  const before = await reading();
  const result = await work();
  const after = await reading();
  return { result, cost: { cpuSeconds: cpuBetween(before, after) } };
}
