import type { DxRole, PeopleReportRow, PeopleReportStatus } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

export interface PeopleReportQuery {
  orgUnitId: string;
  year: number;
  /** The day people are placed on: 31/12 of a past year, today for the current one. */
  asOf: string;
  status: PeopleReportStatus;
  dxRole?: DxRole;
  timeZone: string;
  /** Absent: every row (exports). */
  page?: { limit: number; offset: number };
}

// DX staff of a unit's subtree as it stood on `asOf`, read from the training ledger alone:
// each ledger row of the year carries the unit the person stood in on that day (see
// ledger-placement.ts; the caller makes sure the year is placed on `asOf` first). People
// are listed unit by unit (units by name), then by name within the unit.

/** Units of the subtree on $1's day $2 (units and edges valid then). */
const TREE = `
  WITH RECURSIVE edges AS MATERIALIZED (
    -- Every edge valid that day, hashed once: one hash join per level of the walk.
    SELECT e.parent_id, c.id FROM org_unit_edge e
      JOIN org_unit c ON c.id = e.unit_id AND c.valid_from <= $2::date
                     AND (c.valid_to IS NULL OR c.valid_to > $2::date)
     WHERE e.valid_from <= $2::date AND (e.valid_to IS NULL OR e.valid_to > $2::date)
  ),
  tree AS (
    SELECT u.id FROM org_unit u
     WHERE u.id = $1 AND u.valid_from <= $2::date AND (u.valid_to IS NULL OR u.valid_to > $2::date)
    UNION ALL
    SELECT e.id FROM tree t JOIN edges e ON e.parent_id = t.id
  )`;

/** The ledger filter of the query: year $3, DX role $4 (null: both), the status. */
function ledgerFilter(q: PeopleReportQuery): string {
  const trained = q.status === 'all' ? '' : `AND ty.trained = ${q.status === 'trained'}`;
  return `ty.year = $3::int AND ty.org_unit_id IS NOT NULL AND ($4::text IS NULL OR ty.dx_role = $4::text) ${trained}`;
}

const baseParams = (q: PeopleReportQuery): unknown[] => [
  q.orgUnitId,
  q.asOf,
  q.year,
  q.dxRole ?? null,
];

interface UnitCount {
  id: string;
  n: number;
}

/**
 * How many people of the query each unit of the subtree holds, units in list order: an
 * index-only count over (year, unit, trained), whatever the size of the subtree.
 */
async function unitCounts(m: EntityManager, q: PeopleReportQuery): Promise<UnitCount[]> {
  return m.query(
    `${TREE}
     SELECT c.id, c.n FROM (
       SELECT ty.org_unit_id AS id, count(*)::int AS n
         FROM tree t JOIN training_year ty ON ty.org_unit_id = t.id
        WHERE ${ledgerFilter(q)}
        GROUP BY ty.org_unit_id) c
     JOIN org_unit o ON o.id = c.id
     ORDER BY o.name, o.id`,
    baseParams(q),
  );
}

export async function countPeople(m: EntityManager, q: PeopleReportQuery): Promise<number> {
  return (await unitCounts(m, q)).reduce((sum, u) => sum + u.n, 0);
}

/**
 * One page and the total, as the API answers `GET /api/reports/people`: the per-unit
 * counts give the total and say which units the page falls in (and how many of the first
 * one's people come before it); only those units' people are then read and sorted.
 */
export async function pagePeople(
  m: EntityManager,
  q: PeopleReportQuery & { page: { limit: number; offset: number } },
): Promise<{ items: PeopleReportRow[]; total: number }> {
  const counts = await unitCounts(m, q);
  const total = counts.reduce((sum, u) => sum + u.n, 0);
  return { items: await readSlices(m, q, counts, q.page), total };
}

/**
 * Every person of the query in list order, `batchSize` at a time (exports of a whole
 * province): the units are counted once, then each batch reads only its units' people, so
 * memory stays flat and the last batch costs what the first does. `onTotal` hears the count
 * before the first batch.
 */
export async function* peopleBatches(
  m: EntityManager,
  q: PeopleReportQuery,
  batchSize: number,
  onTotal?: (total: number) => Promise<void>,
): AsyncGenerator<PeopleReportRow[]> {
  const counts = await unitCounts(m, q);
  const total = counts.reduce((sum, u) => sum + u.n, 0);
  await onTotal?.(total);
  for (let offset = 0; offset < total; offset += batchSize) {
    yield await readSlices(m, q, counts, { limit: batchSize, offset });
  }
}

/** The people of one page (limit/offset) of the list, given the per-unit counts. */
async function readSlices(
  m: EntityManager,
  q: PeopleReportQuery,
  counts: UnitCount[],
  page: { limit: number; offset: number },
): Promise<PeopleReportRow[]> {
  const slices: { id: string; skip: number; take: number }[] = [];
  let before = 0;
  let wanted = page.limit;
  for (const unit of counts) {
    if (wanted <= 0) break;
    const skip = Math.max(0, page.offset - before);
    before += unit.n;
    if (skip >= unit.n) continue;
    const take = Math.min(unit.n - skip, wanted);
    slices.push({ id: unit.id, skip, take });
    wanted -= take;
  }
  if (!slices.length) return [];
  const params = baseParams(q);
  params.push(
    slices.map((s) => s.id),
    slices.map((s) => s.skip),
    slices.map((s) => s.take),
  );
  const staff = `
    SELECT p.* FROM unnest($5::uuid[], $6::int[], $7::int[]) AS w(unit_id, skip, take)
    CROSS JOIN LATERAL (
      ${staffSelect(q)} AND ty.org_unit_id = w.unit_id
       ORDER BY u.full_name, ty.user_id OFFSET w.skip LIMIT w.take) p
     -- The units come from the counts of $1's subtree on $2: typed here, not read again.
     WHERE $1::uuid IS NOT NULL AND $2::date IS NOT NULL`;
  return withDetails(m, q, staff, params);
}

/** Every person of the query (exports; with `page`, that page of them). */
export async function listPeople(
  m: EntityManager,
  q: PeopleReportQuery,
): Promise<PeopleReportRow[]> {
  if (q.page) return (await pagePeople(m, { ...q, page: q.page })).items;
  const staff = `${TREE}
    ${staffSelect(q)} AND ty.org_unit_id IN (SELECT id FROM tree)`;
  return withDetails(m, q, staff, baseParams(q));
}

/** The people of the query with their unit and profile; the caller appends AND … ORDER BY. */
function staffSelect(q: PeopleReportQuery): string {
  return `
    SELECT ty.user_id, ty.org_unit_id, ty.dx_role, o.name AS org_unit_name, o.path AS org_unit_path,
           u.username, u.full_name, u.job_title, ty.hours::float8 AS hours, ty.trained,
           ty.requirement_met
      FROM training_year ty
      JOIN app_user u ON u.id = ty.user_id
      JOIN org_unit o ON o.id = ty.org_unit_id
     WHERE ${ledgerFilter(q)}`;
}

/**
 * The listed people (statement `staff`) with the hours their requirements ask and their
 * last training of the year, looked up for these rows only, in list order (units by
 * name, people by name).
 */
async function withDetails(
  m: EntityManager,
  q: PeopleReportQuery,
  staff: string,
  params: unknown[],
): Promise<PeopleReportRow[]> {
  params.push(q.timeZone);
  const tz = `$${params.length}`;
  const rows = await m.query(
    `SELECT p.*, req.hours AS required_hours, last.on AS last_completed_on
       FROM (${staff}) p
       LEFT JOIN LATERAL (
         SELECT max(r.hours)::float8 AS hours FROM requirement r JOIN org_unit ru ON ru.id = r.org_unit_id
          WHERE r.year = $3::int AND p.dx_role = ANY (r.dx_roles) AND p.org_unit_path LIKE ru.path || '%'
            AND (cardinality(r.job_titles) = 0 OR p.job_title = ANY (r.job_titles))) req ON true
       LEFT JOIN LATERAL (
         SELECT to_char(max(d), 'YYYY-MM-DD') AS on FROM (
           SELECT (c.completed_at AT TIME ZONE ${tz})::date AS d FROM certificate c
            WHERE c.user_id = p.user_id AND c.kind = 'course' AND c.year = $3::int AND c.status <> 'revoked'
           UNION ALL
           SELECT tr.completed_on FROM training_record tr WHERE tr.user_id = p.user_id AND tr.year = $3::int) x
       ) last ON true
      ORDER BY p.org_unit_name, p.org_unit_id, p.full_name, p.user_id`,
    params,
  );
  return rows.map(toRow);
}

function toRow(r: Record<string, unknown>): PeopleReportRow {
  return {
    userId: r.user_id as string,
    username: r.username as string,
    fullName: r.full_name as string,
    orgUnitId: r.org_unit_id as string,
    orgUnitName: r.org_unit_name as string,
    dxRole: r.dx_role as DxRole,
    hoursEarned: r.hours as number,
    requiredHours: (r.required_hours as number | null) ?? null,
    requirementMet: r.requirement_met as boolean,
    trained: r.trained as boolean,
    lastCompletedOn: (r.last_completed_on as string | null) ?? null,
  };
}
