import type { EntityManager } from 'typeorm';
import { createCoverageTree, REPORT_DAY, ROLL_UP_AND_INSERT } from './coverage-tree';
import { ensureLedgerPlacement } from './ledger-placement';

/**
 * The computation of one coverage report as the worker runs it, for any unit up to the
 * whole country: one narrow scan of the training ledger (`training_year`) of the report's
 * year, grouped by the unit each person stood in on the report day (31/12, today for the
 * current year), then rolled up the tree as it stood that day. The ledger row carries
 * both what the person did in the year (kept exact in the transaction of every
 * completion, revocation and recorded training) and where they stood (kept by the
 * triggers on `membership`, see ledger-placement.ts), so neither certificates nor
 * memberships are read. `insertCoverageRowsFromSources` (coverage-calculation.ts) is the
 * recomputation from the source rows it must agree with.
 *
 * - `trained`, `hours`, the split: from the ledger row; `certificates` are the ledger's
 *   course certificates (recorded trainings are not certificates; their hours count).
 * - `requirement_met`: the ledger's flag.
 * - only units of the report's tree that day are read (a commune's report reads its
 *   own people through the index; the nation's, the whole year in one pass).
 *
 * Returns the number of rows inserted, in the caller's transaction (the temporary tree
 * and the work_mem setting end with it).
 */
export async function insertCoverageRows(tx: EntityManager, reportId: string): Promise<number> {
  const [report]: { year: number; day: string }[] = await tx.query(
    `SELECT r.year, to_char(${REPORT_DAY}, 'YYYY-MM-DD') AS day FROM coverage_report r WHERE r.id = $1::uuid`,
    [reportId],
  );
  await ensureLedgerPlacement(tx, report.year, report.day);
  await createCoverageTree(tx, reportId);
  const result: { rows: number }[] = await tx.query(
    `WITH
     own AS (
       SELECT ty.org_unit_id, count(*) AS dx_staff, count(*) FILTER (WHERE ty.trained) AS trained,
              sum(ty.hours) * 100 AS hundredths, sum(ty.courses) AS certificates,
              count(*) FILTER (WHERE ty.dx_role = 'full_time') AS ft_staff,
              count(*) FILTER (WHERE ty.dx_role = 'full_time' AND ty.trained) AS ft_trained,
              count(*) FILTER (WHERE ty.dx_role = 'part_time') AS pt_staff,
              count(*) FILTER (WHERE ty.dx_role = 'part_time' AND ty.trained) AS pt_trained,
              count(*) FILTER (WHERE ty.requirement_met) AS requirement_met
         FROM coverage_tree t
         JOIN training_year ty ON ty.year = $2::int AND ty.org_unit_id = t.id
        WHERE ty.org_unit_id IS NOT NULL
        GROUP BY ty.org_unit_id
     ),
     ${ROLL_UP_AND_INSERT}`,
    [reportId, report.year],
  );
  await tx.query(`DROP TABLE coverage_tree`);
  return result[0].rows;
}
