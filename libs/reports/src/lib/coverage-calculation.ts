import type { EntityManager } from 'typeorm';

/**
 * The whole computation of one coverage report in three set-based statements, so a
 * national report costs the same few statements whatever the number of units (no
 * per-unit loop):
 *
 * 1. `coverage_tree`: the report's unit and its descendants AS THEY STOOD ON D = Y-12-31
 *    (edges and units valid on D), each with its chain of ancestors inside the subtree
 *    (`chain`, an array), in a temporary table dropped at commit. It is ANALYZEd before
 *    use: the planner's guess for a recursive CTE is a few hundred rows, which for the
 *    national tree (12,000 units) made it read memberships unit by unit through an index
 *    instead of in one pass.
 * 2. `work_mem` for this transaction only: the national report hashes 1.5 million staff
 *    and 2 million certificates of the year; with the 4 MB default they spill to disk.
 *    (With 1, 2 and the per-unit `own` below, the national report of the bench data set —
 *    3 million people, 10 million certificates — takes 5 s of database CPU instead of 12.)
 * 3. One INSERT … SELECT:
 *    - `bounds`: D and the year's first and last instant in the report's time zone
 *      (`make_timestamptz`, so 2025-12-31T18:00Z is 2026 in Vietnam).
 *    - `staff`: DX staff on D (dx_role ≠ none, membership valid on D), one row per
 *      person, in the unit they belonged to on D — wherever they were when they
 *      completed a course.
 *    - `done`: per trained person (and their unit), the course certificates completed
 *      within the year that are not revoked (pending counts: completion is the fact,
 *      issuing is paperwork). Hours are summed in hundredths as integers (exact:
 *      numeric(6,2)); numeric sums over a million groups cost several times more.
 *    - `own` → `rolled`: per-unit figures (staff counted from `staff`, the rest from
 *      `done`), then summed onto every ancestor by unnesting the chains, so each row
 *      counts its whole subtree.
 *
 * Returns the number of rows inserted. The caller runs it in the transaction that marks
 * the report completed (the temporary table and the setting end with it).
 */
export async function insertCoverageRows(tx: EntityManager, reportId: string): Promise<number> {
  await tx.query(
    `CREATE TEMP TABLE coverage_tree ON COMMIT DROP AS
     WITH RECURSIVE
     bounds AS (
       SELECT r.org_unit_id AS root_id, make_date(r.year, 12, 31) AS d
         FROM coverage_report r WHERE r.id = $1::uuid
     ),
     tree AS (
       SELECT u.id, u.code, u.name, NULL::uuid AS parent_id, 0 AS depth, ARRAY[u.id] AS chain
         FROM bounds b JOIN org_unit u ON u.id = b.root_id
        WHERE u.valid_from <= b.d AND (u.valid_to IS NULL OR u.valid_to > b.d)
       UNION ALL
       SELECT c.id, c.code, c.name, t.id, t.depth + 1, t.chain || c.id
         FROM tree t
         CROSS JOIN bounds b
         JOIN org_unit_edge e ON e.parent_id = t.id
                             AND e.valid_from <= b.d AND (e.valid_to IS NULL OR e.valid_to > b.d)
         JOIN org_unit c ON c.id = e.unit_id
                        AND c.valid_from <= b.d AND (c.valid_to IS NULL OR c.valid_to > b.d)
        WHERE c.id <> ALL (t.chain)
     )
     SELECT id, code, name, parent_id, depth, chain FROM tree`,
    [reportId],
  );
  await tx.query(`ANALYZE coverage_tree`);
  await tx.query(`SET LOCAL work_mem = '128MB'`);
  const result: { rows: number }[] = await tx.query(
    `WITH
     bounds AS (
       SELECT make_date(r.year, 12, 31) AS d,
              make_timestamptz(r.year, 1, 1, 0, 0, 0, r.time_zone) AS from_ts,
              make_timestamptz(r.year + 1, 1, 1, 0, 0, 0, r.time_zone) AS to_ts
         FROM coverage_report r WHERE r.id = $1::uuid
     ),
     staff AS (
       SELECT DISTINCT ON (m.user_id) m.user_id, m.org_unit_id
         FROM bounds b
         JOIN membership m ON m.valid_from <= b.d AND (m.valid_to IS NULL OR m.valid_to > b.d)
         JOIN coverage_tree t ON t.id = m.org_unit_id
        WHERE m.dx_role <> 'none'
        ORDER BY m.user_id, m.valid_from DESC
     ),
     done AS (
       SELECT s.org_unit_id, s.user_id, count(*) AS certificates,
              sum((c.hours * 100)::int) AS hundredths
         FROM bounds b
         JOIN certificate c ON c.completed_at >= b.from_ts AND c.completed_at < b.to_ts
         JOIN staff s ON s.user_id = c.user_id
        WHERE c.kind = 'course' AND c.status <> 'revoked'
        GROUP BY s.org_unit_id, s.user_id
     ),
     own AS (
       SELECT p.org_unit_id, p.dx_staff, coalesce(d.trained, 0) AS trained,
              coalesce(d.hundredths, 0) AS hundredths, coalesce(d.certificates, 0) AS certificates
         FROM (SELECT org_unit_id, count(*) AS dx_staff FROM staff GROUP BY org_unit_id) p
         LEFT JOIN (SELECT org_unit_id, count(*) AS trained, sum(hundredths) AS hundredths,
                           sum(certificates) AS certificates
                      FROM done GROUP BY org_unit_id) d ON d.org_unit_id = p.org_unit_id
     ),
     rolled AS (
       SELECT a.unit_id, sum(o.dx_staff) AS dx_staff, sum(o.trained) AS trained,
              sum(o.hundredths) / 100.0 AS hours, sum(o.certificates) AS certificates
         FROM coverage_tree t
         JOIN own o ON o.org_unit_id = t.id
         CROSS JOIN LATERAL unnest(t.chain) AS a(unit_id)
        GROUP BY a.unit_id
     ),
     inserted AS (
       INSERT INTO coverage_report_row
         (report_id, org_unit_id, code, name, parent_id, depth, dx_staff, trained, hours, certificates)
       SELECT $1::uuid, t.id, t.code, t.name, t.parent_id, t.depth, coalesce(r.dx_staff, 0),
              coalesce(r.trained, 0), coalesce(r.hours, 0), coalesce(r.certificates, 0)
         FROM coverage_tree t LEFT JOIN rolled r ON r.unit_id = t.id
       RETURNING 1
     )
     SELECT count(*)::int AS rows FROM inserted`,
    [reportId],
  );
  // Dropped now, not only at commit: a caller may compute two reports in one transaction.
  await tx.query(`DROP TABLE coverage_tree`);
  return result[0].rows;
}
