import { coverageRatio, CoverageReportRow, orderCoverageRows } from '@dx/contracts';
import { CoverageReportEntity, CoverageReportRowEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/** A completed report as stored: what the API answers and what the exports show. */
export interface CoverageSnapshot {
  report: CoverageReportEntity;
  /** Code and name of the report's unit (its row when present, else today's unit). */
  unitCode: string;
  unitName: string;
  /** Tree order: each parent before its children. */
  rows: CoverageReportRow[];
}

/** Reads a report's stored rows; never recomputes anything. */
export async function readCoverageSnapshot(
  db: EntityManager,
  report: CoverageReportEntity,
): Promise<CoverageSnapshot> {
  const stored = await db.getRepository(CoverageReportRowEntity).findBy({ reportId: report.id });
  const rows = orderCoverageRows(
    stored.map((r): CoverageReportRow => ({
      orgUnitId: r.orgUnitId,
      code: r.code,
      name: r.name,
      parentId: r.parentId,
      depth: r.depth,
      dxStaff: r.dxStaff,
      trained: r.trained,
      coverage: coverageRatio(r.trained, r.dxStaff),
      hours: r.hours,
      certificates: r.certificates,
      fullTime: { dxStaff: r.fullTimeStaff, trained: r.fullTimeTrained },
      partTime: { dxStaff: r.partTimeStaff, trained: r.partTimeTrained },
      requirementMet: r.requirementMet,
    })),
  );
  let root = rows.find((r) => r.orgUnitId === report.orgUnitId);
  if (!root) {
    const [unit] = await db.query(`SELECT code, name FROM org_unit WHERE id = $1`, [
      report.orgUnitId,
    ]);
    root = unit;
  }
  return { report, unitCode: root?.code ?? '', unitName: root?.name ?? '', rows };
}

/** The report unit's own row, for the export's file name ($1 report, $2 unit). */
export const COVERAGE_REPORT_UNIT_ROW_SQL = `SELECT code, name FROM coverage_report_row WHERE report_id = $1 AND org_unit_id = $2`;
