import type { EntityManager } from 'typeorm';

/** One gap-free counter: numbers are handed out per (scope, year). */
export interface CounterKey {
  scope: string;
  year: number;
}

/**
 * Next number of each gap-free counter (scope, year), in one statement. The upsert locks the
 * counter rows until the caller's transaction ends, so concurrent issuers queue up and a
 * rolled-back issue gives its numbers back: no gaps, no duplicates. The rows are locked in
 * the order given; callers that share counters give them in the same order (the national
 * serial first), so two issuers cannot wait for each other.
 */
export async function nextNumbers(tx: EntityManager, keys: CounterKey[]): Promise<number[]> {
  const rows: { scope: string; year: number; last_value: number }[] = await tx.query(
    `INSERT INTO certificate_counter (scope, year, last_value)
     SELECT scope, year, 1 FROM unnest($1::varchar[], $2::int[]) WITH ORDINALITY AS k(scope, year, n)
      ORDER BY n
     ON CONFLICT (scope, year) DO UPDATE SET last_value = certificate_counter.last_value + 1
     RETURNING scope, year, last_value`,
    [keys.map((k) => k.scope), keys.map((k) => k.year)],
  );
  return keys.map((k) => {
    const row = rows.find((r) => r.scope === k.scope && r.year === k.year);
    if (!row) throw new Error(`Counter ${k.scope}/${k.year} was not advanced`);
    return row.last_value;
  });
}

export function formatSerial(year: number, n: number): string {
  return `CDS-${year}-${String(n).padStart(6, '0')}`;
}
