import type { EntityManager } from 'typeorm';

/**
 * Next number of a gap-free counter (scope, year). The upsert locks the counter row until
 * the caller's transaction ends, so concurrent issuers queue up and a rolled-back issue
 * gives its number back: no gaps, no duplicates.
 */
export async function nextNumber(tx: EntityManager, scope: string, year: number): Promise<number> {
  const [row] = await tx.query(
    `INSERT INTO certificate_counter (scope, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (scope, year) DO UPDATE SET last_value = certificate_counter.last_value + 1
     RETURNING last_value`,
    [scope, year],
  );
  return row.last_value;
}

export function formatSerial(year: number, n: number): string {
  return `CDS-${year}-${String(n).padStart(6, '0')}`;
}
