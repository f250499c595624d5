import type { EntityManager } from 'typeorm';

/**
 * The ledger as the source rows say it should be, per person and year: course
 * certificates not revoked (by their training year) plus recorded trainings. Hours summed
 * in hundredths as integers, so the figures compare exactly with the incremental ledger.
 * Requirements are not part of it: `requirement_met` is re-evaluated by the ledger service.
 */
export const LEDGER_FROM_SOURCES = `
  SELECT user_id, year, sum(hundredths)::bigint AS hundredths,
         sum(courses)::int AS courses, sum(records)::int AS records
    FROM (SELECT user_id, year, (hours * 100)::int AS hundredths, 1 AS courses, 0 AS records
            FROM certificate
           WHERE kind = 'course' AND status <> 'revoked' AND user_id IS NOT NULL AND year IS NOT NULL
          UNION ALL
          SELECT user_id, year, (hours * 100)::int, 0, 1 FROM training_record) s
   GROUP BY user_id, year`;

/**
 * Replaces the whole ledger with the recomputation from the source rows (demo data loaded
 * in bulk, repairs). Requirements are re-evaluated by the caller when it has any.
 */
export async function rebuildLedger(tx: EntityManager): Promise<void> {
  await tx.query('DELETE FROM training_year');
  await tx.query(
    `INSERT INTO training_year (user_id, year, hours, courses, records, trained)
     SELECT user_id, year, hundredths / 100.0, courses, records, courses + records > 0
       FROM (${LEDGER_FROM_SOURCES}) src`,
  );
}
