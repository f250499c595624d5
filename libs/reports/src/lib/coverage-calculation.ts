import type { EntityManager } from 'typeorm';

/**
 * The whole computation of one coverage report as a single INSERT … SELECT, so a national
 * report costs one statement whatever the number of units (no per-unit loop):
 *
 * - `bounds`: the year end D = Y-12-31 and the year's first and last instant in the
 *   report's time zone (`make_timestamptz`, so 2025-12-31T18:00Z is 2026 in Vietnam).
 * - `tree`: the report's unit and its descendants AS THEY STOOD ON D (edges and units valid
 *   on D), each with its chain of ancestors inside the subtree (`chain`, an array).
 * - `staff`: DX staff on D (dx_role ≠ none, membership valid on D), one row per person, in
 *   the unit they belonged to on D — wherever they were when they completed a course.
 * - `done`: per person, the course certificates completed within the year that are not
 *   revoked (pending counts: completion is the fact, issuing is paperwork).
 * - `own` → `rolled`: per-unit figures, then summed onto every ancestor by unnesting the
 *   chains, so each row counts its whole subtree.
 *
 * Returns the number of rows inserted. The caller runs it in the transaction that marks
 * the report completed.
 */
export async function insertCoverageRows(tx: EntityManager, reportId: string): Promise<number> {
  const result: { rows: number }[] = await tx.query(
    `WITH RECURSIVE
     bounds AS (
       SELECT r.id AS report_id, r.org_unit_id AS root_id,
              make_date(r.year, 12, 31) AS d,
              make_timestamptz(r.year, 1, 1, 0, 0, 0, r.time_zone) AS from_ts,
              make_timestamptz(r.year + 1, 1, 1, 0, 0, 0, r.time_zone) AS to_ts
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
     ),
     staff AS (
       SELECT DISTINCT ON (m.user_id) m.user_id, m.org_unit_id
         FROM bounds b
         JOIN membership m ON m.valid_from <= b.d AND (m.valid_to IS NULL OR m.valid_to > b.d)
         JOIN tree t ON t.id = m.org_unit_id
        WHERE m.dx_role <> 'none'
        ORDER BY m.user_id, m.valid_from DESC
     ),
     done AS (
       SELECT c.user_id, count(*) AS certificates, sum(c.hours) AS hours
         FROM bounds b
         JOIN certificate c ON c.completed_at >= b.from_ts AND c.completed_at < b.to_ts
         JOIN staff s ON s.user_id = c.user_id
        WHERE c.kind = 'course' AND c.status <> 'revoked'
        GROUP BY c.user_id
     ),
     own AS (
       SELECT s.org_unit_id,
              count(*) AS dx_staff,
              count(d.user_id) AS trained,
              coalesce(sum(d.hours), 0) AS hours,
              coalesce(sum(d.certificates), 0) AS certificates
         FROM staff s LEFT JOIN done d ON d.user_id = s.user_id
        GROUP BY s.org_unit_id
     ),
     rolled AS (
       SELECT a.unit_id, sum(o.dx_staff) AS dx_staff, sum(o.trained) AS trained,
              sum(o.hours) AS hours, sum(o.certificates) AS certificates
         FROM tree t
         JOIN own o ON o.org_unit_id = t.id
         CROSS JOIN LATERAL unnest(t.chain) AS a(unit_id)
        GROUP BY a.unit_id
     ),
     inserted AS (
       INSERT INTO coverage_report_row
         (report_id, org_unit_id, code, name, parent_id, depth, dx_staff, trained, hours, certificates)
       SELECT $1::uuid, t.id, t.code, t.name, t.parent_id, t.depth, coalesce(r.dx_staff, 0),
              coalesce(r.trained, 0), coalesce(r.hours, 0), coalesce(r.certificates, 0)
         FROM tree t LEFT JOIN rolled r ON r.unit_id = t.id
       RETURNING 1
     )
     SELECT count(*)::int AS rows FROM inserted`,
    [reportId],
  );
  return result[0].rows;
}
