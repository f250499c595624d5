import type { EntityManager } from 'typeorm';

/**
 * The day a report places units and people on: 31 December of its year, or the day it
 * is computed for the current year (contract v2: a merge scheduled for a later day does
 * not change this year's report until it happens). `r` is the coverage_report row.
 */
export const REPORT_DAY = `least(make_date(r.year, 12, 31), (now() AT TIME ZONE r.time_zone)::date)`;

/**
 * `coverage_tree`: the report's unit and its descendants AS THEY STOOD ON the report day
 * (edges and units valid then), each with its chain of ancestors inside the subtree
 * (`chain`, an array), in a temporary table dropped at commit. It is ANALYZEd before
 * use: the planner's guess for a recursive CTE is a few hundred rows, which for the
 * national tree (12,000 units) made it read memberships unit by unit through an index
 * instead of in one pass. Also raises `work_mem` for this transaction only: the national
 * report hashes millions of rows, which with the 4 MB default spill to disk.
 */
export async function createCoverageTree(tx: EntityManager, reportId: string): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE coverage_tree ON COMMIT DROP AS
     WITH RECURSIVE ${TREE_ON_REPORT_DAY}
     SELECT id, code, name, parent_id, depth, chain FROM tree`,
    [reportId],
  );
  await tx.query(`ANALYZE coverage_tree`);
  await tx.query(`SET LOCAL work_mem = '128MB'`);
}

/**
 * The CTEs (`bounds`, `edges`, `tree`) that walk the report's subtree as it stood on the
 * report day, for `WITH RECURSIVE`; `$1` is the report's id. A standby cannot create the
 * temporary table, so the computation on a replica uses them inline.
 */
export const TREE_ON_REPORT_DAY = `
     bounds AS (
       SELECT r.org_unit_id AS root_id, ${REPORT_DAY} AS d
         FROM coverage_report r WHERE r.id = $1::uuid
     ),
     -- Every edge valid that day, hashed once: walking the tree then costs one hash join
     -- per level instead of an index look-up per unit (12,000 nationally).
     edges AS MATERIALIZED (
       SELECT e.parent_id, c.id, c.code, c.name
         FROM bounds b
         JOIN org_unit_edge e ON e.valid_from <= b.d AND (e.valid_to IS NULL OR e.valid_to > b.d)
         JOIN org_unit c ON c.id = e.unit_id
                        AND c.valid_from <= b.d AND (c.valid_to IS NULL OR c.valid_to > b.d)
     ),
     tree AS (
       SELECT u.id, u.code, u.name, NULL::uuid AS parent_id, 0 AS depth, ARRAY[u.id] AS chain
         FROM bounds b JOIN org_unit u ON u.id = b.root_id
        WHERE u.valid_from <= b.d AND (u.valid_to IS NULL OR u.valid_to > b.d)
       UNION ALL
       SELECT c.id, c.code, c.name, t.id, t.depth + 1, t.chain || c.id
         FROM tree t
         JOIN edges c ON c.parent_id = t.id
        WHERE c.id <> ALL (t.chain)
     )`;

/**
 * The tail shared by both computations: `own` (per-unit figures, one row per unit with
 * staff) summed onto every ancestor by unnesting the chains, so each row counts its whole
 * subtree, then inserted. Returns the statement's tail; the caller's WITH defines `own`.
 */
const ROLLED = `
     rolled AS (
       SELECT a.unit_id, sum(o.dx_staff) AS dx_staff, sum(o.trained) AS trained,
              sum(o.hundredths) / 100.0 AS hours, sum(o.certificates) AS certificates,
              sum(o.ft_staff) AS ft_staff, sum(o.ft_trained) AS ft_trained,
              sum(o.pt_staff) AS pt_staff, sum(o.pt_trained) AS pt_trained,
              sum(o.requirement_met) AS requirement_met
         FROM coverage_tree t
         JOIN own o ON o.org_unit_id = t.id
         CROSS JOIN LATERAL unnest(t.chain) AS a(unit_id)
        GROUP BY a.unit_id
     )`;

/** The columns of `coverage_report_row` after `report_id`, in the order both tails give them. */
export const COVERAGE_ROW_COLUMNS = [
  'org_unit_id',
  'code',
  'name',
  'parent_id',
  'depth',
  'dx_staff',
  'trained',
  'hours',
  'certificates',
  'full_time_staff',
  'full_time_trained',
  'part_time_staff',
  'part_time_trained',
  'requirement_met',
] as const;

/** The values of COVERAGE_ROW_COLUMNS, named as them (an INSERT … SELECT ignores the names). */
const ROW_VALUES = `t.id AS org_unit_id, t.code, t.name, t.parent_id, t.depth,
              coalesce(r.dx_staff, 0) AS dx_staff, coalesce(r.trained, 0) AS trained,
              coalesce(r.hours, 0) AS hours, coalesce(r.certificates, 0) AS certificates,
              coalesce(r.ft_staff, 0) AS full_time_staff, coalesce(r.ft_trained, 0) AS full_time_trained,
              coalesce(r.pt_staff, 0) AS part_time_staff, coalesce(r.pt_trained, 0) AS part_time_trained,
              coalesce(r.requirement_met, 0) AS requirement_met
         FROM coverage_tree t LEFT JOIN rolled r ON r.unit_id = t.id`;

export const ROLL_UP_AND_INSERT = `${ROLLED},
     inserted AS (
       INSERT INTO coverage_report_row (report_id, ${COVERAGE_ROW_COLUMNS.join(', ')})
       SELECT $1::uuid, ${ROW_VALUES}
       RETURNING 1
     )
     SELECT count(*)::int AS rows FROM inserted`;

/** As ROLL_UP_AND_INSERT, but returns the rows (as COVERAGE_ROW_COLUMNS) to insert elsewhere. */
export const ROLL_UP_AND_SELECT = `${ROLLED}
     SELECT ${ROW_VALUES}`;

/** DX staff on the report day, one row per person, in the unit they belonged to then. */
export const STAFF_ON_REPORT_DAY = `
     staff AS (
       SELECT DISTINCT ON (m.user_id) m.user_id, m.org_unit_id, m.dx_role
         FROM bounds b
         JOIN membership m ON m.valid_from <= b.d AND (m.valid_to IS NULL OR m.valid_to > b.d)
         JOIN coverage_tree t ON t.id = m.org_unit_id
        WHERE m.dx_role <> 'none'
        ORDER BY m.user_id, m.valid_from DESC
     )`;
