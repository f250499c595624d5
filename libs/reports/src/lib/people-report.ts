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

/**
 * DX staff of the unit's subtree as it stood on `asOf` (units and edges valid then, each
 * person in the unit of their membership that day), filtered on the ledger, in one
 * statement. Only the page's people are then looked up for their requirement and last
 * training, so a page costs the same whatever the size of the subtree.
 */
function peopleSql(q: PeopleReportQuery, params: unknown[]): string {
  params.push(q.orgUnitId, q.asOf, q.year, q.dxRole ?? null);
  const trained =
    q.status === 'all' ? '' : `AND coalesce(ty.trained, false) = ${q.status === 'trained'}`;
  return `
    WITH RECURSIVE tree AS (
      SELECT u.id FROM org_unit u
       WHERE u.id = $1 AND u.valid_from <= $2::date AND (u.valid_to IS NULL OR u.valid_to > $2::date)
      UNION ALL
      SELECT c.id FROM tree t
        JOIN org_unit_edge e ON e.parent_id = t.id AND e.valid_from <= $2::date
                            AND (e.valid_to IS NULL OR e.valid_to > $2::date)
        JOIN org_unit c ON c.id = e.unit_id AND c.valid_from <= $2::date
                       AND (c.valid_to IS NULL OR c.valid_to > $2::date)
    ),
    staff AS (
      SELECT DISTINCT ON (m.user_id) m.user_id, m.org_unit_id, m.dx_role
        FROM membership m JOIN tree t ON t.id = m.org_unit_id
       WHERE m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to > $2::date)
         AND m.dx_role <> 'none' AND ($4::text IS NULL OR m.dx_role = $4::text)
       ORDER BY m.user_id, m.valid_from DESC
    )
    SELECT s.user_id, s.org_unit_id, s.dx_role, o.name AS org_unit_name, o.path AS org_unit_path,
           u.username, u.full_name, u.job_title,
           coalesce(ty.hours, 0)::float8 AS hours, coalesce(ty.trained, false) AS trained,
           coalesce(ty.requirement_met, true) AS requirement_met
      FROM staff s
      JOIN app_user u ON u.id = s.user_id
      JOIN org_unit o ON o.id = s.org_unit_id
      LEFT JOIN training_year ty ON ty.user_id = s.user_id AND ty.year = $3::int
     WHERE true ${trained}`;
}

export async function countPeople(m: EntityManager, q: PeopleReportQuery): Promise<number> {
  const params: unknown[] = [];
  const [row] = await m.query(`SELECT count(*)::int AS n FROM (${peopleSql(q, params)}) p`, params);
  return row.n;
}

export async function listPeople(
  m: EntityManager,
  q: PeopleReportQuery,
): Promise<PeopleReportRow[]> {
  const params: unknown[] = [];
  const base = peopleSql(q, params);
  params.push(q.timeZone);
  const tz = `$${params.length}`;
  const page = q.page ? `LIMIT ${Number(q.page.limit)} OFFSET ${Number(q.page.offset)}` : '';
  const rows = await m.query(
    `SELECT p.*, req.hours AS required_hours, last.on AS last_completed_on
       FROM (${base} ORDER BY o.name, u.full_name, s.user_id ${page}) p
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
      ORDER BY p.org_unit_name, p.full_name, p.user_id`,
    params,
  );
  return rows.map((r: Record<string, unknown>): PeopleReportRow => ({
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
  }));
}
