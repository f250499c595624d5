import { rebuildLedgerOf } from '@dx/reports';
import type { DataSource } from 'typeorm';

/**
 * Moves everything a person completed this year back by `years` (enrolments, their
 * certificates and the ledger rows), as if it had happened then: specs of re-training
 * cannot wait for 1 January. Keeps the rows consistent with each other, as the API
 * would have written them in that year.
 */
export async function ageTraining(db: DataSource, userId: string, years = 1): Promise<void> {
  const shift = `${years} years`;
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE enrollment SET year = year - $2, completed_at = completed_at - $3::interval,
              enrolled_at = enrolled_at - $3::interval
        WHERE user_id = $1 AND status = 'completed'`,
      [userId, years, shift],
    );
    await tx.query(
      `UPDATE certificate SET year = year - $2, completed_at = completed_at - $3::interval
        WHERE user_id = $1`,
      [userId, years, shift],
    );
    // The ledger is recomputed rather than shifted: placed years already hold a row per
    // person (hours 0), so moving this year's row onto last year's would collide.
    await rebuildLedgerOf(tx, [userId]);
  });
}
