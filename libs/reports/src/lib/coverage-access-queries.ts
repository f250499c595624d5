import type { CoverageMergeNote, CoverageReportSummary } from '@dx/contracts';
import { CoverageReportEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/**
 * A stored report with its unit, by id (and job id when polling a request): what every
 * read of a report starts with, before its access check.
 */
export function findCoverageReport(
  m: EntityManager,
  where: { id: string; jobId?: string },
): Promise<CoverageReportEntity | null> {
  return m.getRepository(CoverageReportEntity).findOne({ where, relations: { orgUnit: true } });
}

/**
 * Units (ids in `$1::uuid[]`) within reach of a caller whose subtree is the path prefix
 * `$2`: in the subtree today, or absorbed by a merge into a unit that is (following the
 * successor chain, a merged unit may have been merged again). Reports describe the tree
 * of their year: the HR office of a successor answers for what it absorbed.
 */
const WITHIN_REACH = `
  WITH RECURSIVE chain AS (
    SELECT u.id AS unit_id, u.path, u.successor_id, 0 AS hops
      FROM org_unit u WHERE u.id = ANY ($1::uuid[])
    UNION ALL
    SELECT c.unit_id, s.path, s.successor_id, c.hops + 1
      FROM chain c JOIN org_unit s ON s.id = c.successor_id
     WHERE c.hops < 20
  )
  SELECT DISTINCT unit_id AS id FROM chain WHERE path LIKE $2::text || '%'`;

/** The given units that are within reach of the subtree `prefix` (see WITHIN_REACH). */
export async function unitsWithinReach(
  m: EntityManager,
  unitIds: string[],
  prefix: string,
): Promise<Set<string>> {
  const rows: { id: string }[] = await m.query(WITHIN_REACH, [unitIds, prefix]);
  return new Set(rows.map((r) => r.id));
}

/** Units of a stored report's rows within reach of the subtree `prefix`. */
export async function reportRowsWithinReach(
  m: EntityManager,
  reportId: string,
  prefix: string,
): Promise<Set<string>> {
  const rows: { id: string }[] = await m.query(
    `SELECT org_unit_id AS id FROM coverage_report_row WHERE report_id = $1`,
    [reportId],
  );
  return unitsWithinReach(
    m,
    rows.map((r) => r.id),
    prefix,
  );
}

export interface CoverageListQuery {
  userId: string;
  /** The caller's subtree; null for a sysadmin. */
  prefix: string | null;
  orgUnitId?: string;
  year?: number;
  limit: number;
}

/**
 * Completed reports a caller may read, newest first: the ones they asked for, and the
 * official ones (every official report for a sysadmin; for HR, those with a row in their
 * subtree, whose rows they then read). With `orgUnitId`, the reports on that unit and the
 * official ones that have a row for it.
 */
export async function listCoverageReports(
  m: EntityManager,
  q: CoverageListQuery,
): Promise<CoverageReportSummary[]> {
  const rows: {
    id: string;
    year: number;
    org_unit_id: string;
    unit_code: string;
    unit_name: string;
    official: boolean;
    generated_at: Date;
  }[] = await m.query(
    // The unit as the report shows it (its name at the end of the year), as in its files.
    `SELECT r.id, r.year, r.org_unit_id, r.official, r.generated_at,
            coalesce(own.code, u.code) AS unit_code, coalesce(own.name, u.name) AS unit_name
       FROM coverage_report r
       JOIN org_unit u ON u.id = r.org_unit_id
       LEFT JOIN coverage_report_row own ON own.report_id = r.id AND own.org_unit_id = r.org_unit_id
      WHERE r.status = 'completed'
        AND (r.requested_by = $1 OR r.official)
        AND ($3::int IS NULL OR r.year = $3::int)
        AND ($4::uuid IS NULL OR r.org_unit_id = $4::uuid
             OR (r.official AND EXISTS (SELECT 1 FROM coverage_report_row x
                                         WHERE x.report_id = r.id AND x.org_unit_id = $4::uuid)))
        AND ($2::text IS NULL OR r.requested_by = $1
             OR EXISTS (SELECT 1 FROM coverage_report_row x JOIN org_unit u ON u.id = x.org_unit_id
                         WHERE x.report_id = r.id
                           AND (u.path LIKE $2::text || '%'
                                OR EXISTS (SELECT 1 FROM org_unit s
                                            WHERE s.id = u.successor_id AND s.path LIKE $2::text || '%'))))
      ORDER BY r.generated_at DESC, r.id
      LIMIT $5`,
    [q.userId, q.prefix, q.year ?? null, q.orgUnitId ?? null, q.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    orgUnitId: r.org_unit_id,
    orgUnitCode: r.unit_code,
    orgUnitName: r.unit_name,
    official: r.official,
    generatedAt: r.generated_at.toISOString(),
  }));
}

/** Merges whose absorbed unit or successor is among `unitIds`, oldest first. */
export async function mergesAround(
  m: EntityManager,
  unitIds: string[],
): Promise<CoverageMergeNote[]> {
  return m.query(
    `SELECT a.id AS "unitId", a.name AS "unitName", s.id AS "successorId", s.name AS "successorName",
            to_char(a.valid_to, 'YYYY-MM-DD') AS "effectiveDate"
       FROM org_unit a JOIN org_unit s ON s.id = a.successor_id
      WHERE a.valid_to IS NOT NULL AND (a.id = ANY ($1::uuid[]) OR s.id = ANY ($1::uuid[]))
      ORDER BY a.valid_to, a.name`,
    [unitIds],
  );
}
