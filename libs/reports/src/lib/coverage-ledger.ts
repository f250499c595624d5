import type { EntityManager } from 'typeorm';
import {
  createCoverageTree,
  REPORT_DAY,
  ROLL_UP_AND_INSERT,
  STAFF_ON_REPORT_DAY,
} from './coverage-tree';

/**
 * The computation of one coverage report as the worker runs it, for any unit up to the
 * whole country: DX staff on the report day (31/12, today for the current year) joined
 * with their row of the training ledger (`training_year`, kept exact in the transaction
 * of every completion, revocation and recorded training), summed per unit and rolled up
 * the tree. One narrow row per person instead of re-joining every certificate of the
 * year; `insertCoverageRowsFromSources` (coverage-calculation.ts) is the recomputation
 * from the source rows it must agree with.
 *
 * - `trained`, `hours`, the split: from the ledger row (no row: untrained, 0 h);
 *   `certificates` are the ledger's course certificates (recorded trainings are not
 *   certificates; their hours count).
 * - `requirement_met`: the ledger's flag; people with no row had no requirement.
 *
 * Returns the number of rows inserted, in the caller's transaction (the temporary tree
 * and the work_mem setting end with it).
 */
export async function insertCoverageRows(tx: EntityManager, reportId: string): Promise<number> {
  await createCoverageTree(tx, reportId);
  const result: { rows: number }[] = await tx.query(
    `WITH
     bounds AS (SELECT ${REPORT_DAY} AS d, r.year FROM coverage_report r WHERE r.id = $1::uuid),
     ${STAFF_ON_REPORT_DAY},
     ledger AS (
       SELECT ty.user_id, ty.trained, (ty.hours * 100)::int AS hundredths, ty.courses, ty.requirement_met
         FROM bounds b JOIN training_year ty ON ty.year = b.year
     ),
     own AS (
       SELECT s.org_unit_id, count(*) AS dx_staff, count(*) FILTER (WHERE l.trained) AS trained,
              coalesce(sum(l.hundredths), 0) AS hundredths, coalesce(sum(l.courses), 0) AS certificates,
              count(*) FILTER (WHERE s.dx_role = 'full_time') AS ft_staff,
              count(*) FILTER (WHERE s.dx_role = 'full_time' AND l.trained) AS ft_trained,
              count(*) FILTER (WHERE s.dx_role = 'part_time') AS pt_staff,
              count(*) FILTER (WHERE s.dx_role = 'part_time' AND l.trained) AS pt_trained,
              count(*) FILTER (WHERE l.requirement_met IS NOT FALSE) AS requirement_met
         FROM staff s
         LEFT JOIN ledger l ON l.user_id = s.user_id
        GROUP BY s.org_unit_id
     ),
     ${ROLL_UP_AND_INSERT}`,
    [reportId],
  );
  await tx.query(`DROP TABLE coverage_tree`);
  return result[0].rows;
}
