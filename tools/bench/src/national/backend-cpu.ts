import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** Kernel clock ticks per second for /proc/<pid>/stat times (100 on Linux). */
const TICKS = 100;

function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the PostgreSQL backends of one application (its pool), read
 * from /proc: the cost of a computation whatever else shares the two cores. Null when the
 * server is not on this machine.
 */
export async function backendCpu(
  pool: Pool,
  applicationName: string,
): Promise<Map<number, number> | null> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1`,
    [applicationName],
  );
  const times = new Map<number, number>();
  for (const { pid } of rows) {
    const s = cpuSeconds(pid);
    if (s === null) return null;
    times.set(pid, s);
  }
  return times;
}

/** CPU seconds spent between two readings (backends opened in between count from zero). */
export function cpuBetween(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}
