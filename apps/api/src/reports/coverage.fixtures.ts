import type { OrgUnitEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { insertCoverageRows, rebuildLedgerOf } from '@dx/reports';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A course certificate completed at `completedAt`, each on a course version of its own. */
export async function courseCertificate(
  db: DataSource,
  userId: string,
  completedAt: string,
  opts: { issuer: OrgUnitEntity; hours?: number; status?: 'pending' | 'issued' | 'revoked' },
): Promise<void> {
  const [{ id: courseId }] = await db.query(
    `INSERT INTO course (code, owner_org_unit_id, status) VALUES ($1, $2, 'published') RETURNING id`,
    [`RC-${randomSuffix()}`, opts.issuer.id],
  );
  const [{ id: versionId }] = await db.query(
    `INSERT INTO course_version (course_id, version, status, title, hours)
     VALUES ($1, 1, 'published', 'Kỹ năng số cho cán bộ, công chức', $2) RETURNING id`,
    [courseId, opts.hours ?? 8],
  );
  await db.query(
    `INSERT INTO certificate (kind, user_id, course_id, course_version_id, status, completed_at, hours, issuer_org_unit_id, snapshot, year)
     VALUES ('course', $1, $2, $3, $4, $5, $6, $7, '{}'::jsonb,
             extract(year FROM $5::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh'))`,
    [
      userId,
      courseId,
      versionId,
      opts.status ?? 'issued',
      completedAt,
      opts.hours ?? 8,
      opts.issuer.id,
    ],
  );
  // Reports sum the training ledger, which the API keeps in the completion's transaction.
  await rebuildLedgerOf(db.manager, [userId]);
}

/** Rewrites a person's membership history: `[unit, dxRole, validFrom, validTo]` periods. */
export async function membershipHistory(
  db: DataSource,
  userId: string,
  periods: [OrgUnitEntity, 'full_time' | 'part_time' | 'none', string, string | null][],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM membership WHERE user_id = $1`, [userId]);
    for (const [unit, dxRole, from, to] of periods) {
      await tx.query(
        `INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`,
        [userId, unit.id, dxRole, from, to],
      );
    }
  });
}

export interface ComputedRow {
  name: string;
  parentId: string | null;
  depth: number;
  dxStaff: number;
  trained: number;
  hours: number;
  certificates: number;
}

/**
 * Runs the report's SQL for `unit` and `year` (as the worker does, without rendering files)
 * and returns the rows keyed by unit id.
 */
export async function computeCoverage(
  db: DataSource,
  unit: OrgUnitEntity,
  year: number,
): Promise<Map<string, ComputedRow>> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO coverage_report (id, year, org_unit_id, job_id, status, time_zone)
     VALUES ($1, $2, $3, $4, 'running', 'Asia/Ho_Chi_Minh')`,
    [id, year, unit.id, `coverage-${id}`],
  );
  await db.transaction((tx) => insertCoverageRows(tx, id));
  const rows: (ComputedRow & { org_unit_id: string })[] = await db.query(
    `SELECT org_unit_id, name, parent_id AS "parentId", depth, dx_staff AS "dxStaff", trained,
            hours::float8 AS hours, certificates
       FROM coverage_report_row WHERE report_id = $1`,
    [id],
  );
  return new Map(rows.map(({ org_unit_id, ...row }) => [org_unit_id, row]));
}
