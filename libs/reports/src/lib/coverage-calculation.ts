import type { EntityManager } from 'typeorm';
import {
  createCoverageTree,
  REPORT_DAY,
  ROLL_UP_AND_INSERT,
  STAFF_ON_REPORT_DAY,
} from './coverage-tree';

export interface RecomputationOptions {
  /**
   * Also recompute `requirement_met` from the requirements and the source rows (one
   * correlated look-up per person and requirement: fine for a province in a spec, slow
   * nationally). Without it the column is 0.
   */
  requirements?: boolean;
}

/**
 * The REFERENCE computation of a coverage report: every figure recomputed from the
 * source rows (memberships, course certificates, recorded trainings, requirements)
 * instead of the training ledger. It is the statement reports used before the ledger,
 * extended with recorded training and the full-time / part-time split; the worker uses
 * `insertCoverageRows` (coverage-ledger.ts). Kept so specs and the bench can check that
 * the ledger and a full recomputation agree, and to measure what the ledger saves.
 *
 * - `bounds`: the report day D (31/12, or today for the current year) and the year's
 *   first and last instant in the report's time zone (`make_timestamptz`, so
 *   2025-12-31T18:00Z is 2026 in Vietnam).
 * - `staff`: DX staff on D, one row per person, in the unit they belonged to on D —
 *   wherever they were when they completed a course.
 * - `done`: per trained person, the course certificates completed within the year that
 *   are not revoked (pending counts: completion is the fact, issuing is paperwork) and
 *   the recorded trainings of the year. Hours in hundredths as integers (exact).
 * - `short`: people some requirement of the year applies to (on D) and who are short of
 *   its hours (only with `requirements`).
 *
 * Returns the number of rows inserted, in the caller's transaction.
 */
export async function insertCoverageRowsFromSources(
  tx: EntityManager,
  reportId: string,
  opts: RecomputationOptions = {},
): Promise<number> {
  await createCoverageTree(tx, reportId);
  const short = opts.requirements
    ? `SELECT DISTINCT s.user_id FROM staff s CROSS JOIN bounds b
         JOIN requirement r ON r.year = b.year AND s.dx_role = ANY (r.dx_roles)
         JOIN org_unit ru ON ru.id = r.org_unit_id
         JOIN org_unit mu ON mu.id = s.org_unit_id AND mu.path LIKE ru.path || '%'
         JOIN app_user u ON u.id = s.user_id
                        AND (cardinality(r.job_titles) = 0 OR u.job_title = ANY (r.job_titles))
         LEFT JOIN done d ON d.user_id = s.user_id
        WHERE (CASE WHEN r.curriculum_id IS NULL THEN coalesce(d.hundredths, 0)
                    ELSE (SELECT coalesce(sum((c.hours * 100)::int), 0) FROM certificate c
                            JOIN curriculum_course cc ON cc.course_id = c.course_id
                                                     AND cc.curriculum_id = r.curriculum_id
                           WHERE c.user_id = s.user_id AND c.kind = 'course' AND c.status <> 'revoked'
                             AND c.completed_at >= b.from_ts AND c.completed_at < b.to_ts)
               END) < (r.hours * 100)::int`
    : `SELECT NULL::uuid AS user_id WHERE false`;
  const result: { rows: number }[] = await tx.query(
    `WITH
     bounds AS (
       SELECT ${REPORT_DAY} AS d, r.year,
              make_timestamptz(r.year, 1, 1, 0, 0, 0, r.time_zone) AS from_ts,
              make_timestamptz(r.year + 1, 1, 1, 0, 0, 0, r.time_zone) AS to_ts
         FROM coverage_report r WHERE r.id = $1::uuid
     ),
     ${STAFF_ON_REPORT_DAY},
     done AS (
       SELECT s.user_id, sum(x.certificates) AS certificates, sum(x.hundredths) AS hundredths
         FROM (SELECT c.user_id, 1 AS certificates, (c.hours * 100)::int AS hundredths
                 FROM bounds b
                 JOIN certificate c ON c.completed_at >= b.from_ts AND c.completed_at < b.to_ts
                WHERE c.kind = 'course' AND c.status <> 'revoked'
               UNION ALL
               SELECT tr.user_id, 0, (tr.hours * 100)::int
                 FROM bounds b
                 JOIN training_record tr ON tr.completed_on >= make_date(b.year, 1, 1)
                                        AND tr.completed_on < make_date(b.year + 1, 1, 1)) x
         JOIN staff s ON s.user_id = x.user_id
        GROUP BY s.user_id
     ),
     short AS (${short}),
     own AS (
       SELECT s.org_unit_id, count(*) AS dx_staff, count(d.user_id) AS trained,
              coalesce(sum(d.hundredths), 0) AS hundredths, coalesce(sum(d.certificates), 0) AS certificates,
              count(*) FILTER (WHERE s.dx_role = 'full_time') AS ft_staff,
              count(d.user_id) FILTER (WHERE s.dx_role = 'full_time') AS ft_trained,
              count(*) FILTER (WHERE s.dx_role = 'part_time') AS pt_staff,
              count(d.user_id) FILTER (WHERE s.dx_role = 'part_time') AS pt_trained,
              count(*) FILTER (WHERE sh.user_id IS NULL) AS requirement_met
         FROM staff s
         LEFT JOIN done d ON d.user_id = s.user_id
         LEFT JOIN short sh ON sh.user_id = s.user_id
        GROUP BY s.org_unit_id
     ),
     ${ROLL_UP_AND_INSERT}`,
    [reportId],
  );
  // Dropped now, not only at commit: a caller may compute two reports in one transaction.
  await tx.query(`DROP TABLE coverage_tree`);
  return result[0].rows;
}
