import type { DataSource } from 'typeorm';

/**
 * How current a standby is, measured against its primary rather than by the clock:
 * the primary's WAL position is read first, then the standby says whether it has
 * replayed that far. If it has, it holds everything committed before the moment of the
 * primary's answer; if not, it holds everything committed up to the last transaction it
 * replayed (WAL is replayed in commit order). An idle primary therefore never makes a
 * caught-up standby look old, and a stalled standby never looks current.
 */
export async function measureConsistentAsOf(
  primary: DataSource,
  replica: DataSource,
): Promise<Date> {
  const askedAt = new Date();
  const [{ lsn }]: { lsn: string }[] = await primary.query(
    'SELECT pg_current_wal_lsn()::text AS lsn',
  );
  const [row]: { standby: boolean; caught_up: boolean | null; replayed_at: Date | null }[] =
    await replica.query(
      `SELECT pg_is_in_recovery() AS standby,
            pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up,
            pg_last_xact_replay_timestamp() AS replayed_at`,
      [lsn],
    );
  // Not a standby (a promoted replica, or the primary itself): it is as current as it gets.
  if (!row.standby || row.caught_up) return askedAt;
  return row.replayed_at ?? new Date(0);
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
const DROPPED =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect/;

/**
 * Failures of the standby rather than of the query: it is down or restarting (class 08,
 * 57P0x), or it cancelled the query because replay needed the rows (40001 on a standby).
 * Such a read is run again on the primary.
 */
export function isReplicaFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  if (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '40001' ||
    CONNECTION_CODES.has(code)
  )
    return true;
  return typeof e?.message === 'string' && DROPPED.test(e.message);
}
