import type { OrgUnitEntity } from '@dx/db';
import { insertCoverageRows } from '@dx/reports';
import { CoverageFixture } from '@dx/testing';
import type { DataSource } from 'typeorm';

/** A course certificate completed at `completedAt`, each on a course version of its own. */
export function courseCertificate(
  db: DataSource,
  userId: string,
  completedAt: string,
  opts: { issuer: OrgUnitEntity; hours?: number; status?: 'pending' | 'issued' | 'revoked' },
): Promise<void> {
  return new CoverageFixture(db).certificate(userId, completedAt, opts);
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
  const { id } = await new CoverageFixture(db).report(unit, year);
  await db.transaction((tx) => insertCoverageRows(tx, id));
  const rows: (ComputedRow & { org_unit_id: string })[] = await db.query(
    `SELECT org_unit_id, name, parent_id AS "parentId", depth, dx_staff AS "dxStaff", trained,
            hours::float8 AS hours, certificates
       FROM coverage_report_row WHERE report_id = $1`,
    [id],
  );
  return new Map(rows.map(({ org_unit_id, ...row }) => [org_unit_id, row]));
}
