import { coverageRatio, CoverageReportRow } from '@dx/contracts';

/** A row of an export: a unit (its whole subtree), or the people attached to a unit itself. */
export interface CoverageExportRow extends CoverageReportRow {
  /** True for "trực thuộc trực tiếp": the parent's own people, not in any child unit. */
  direct: boolean;
}

export const DIRECT_ROW_NAME = 'Trực thuộc trực tiếp';

/** Extra columns after the seven of COVERAGE_HEADERS (CSV and XLSX). */
export const COVERAGE_SPLIT_HEADERS = [
  'CB chuyên trách',
  'Chuyên trách đã BD',
  'CB kiêm nhiệm',
  'Kiêm nhiệm đã BD',
  'Đạt yêu cầu số giờ',
] as const;

/**
 * Rows in tree order with, right after each unit that has child rows, a row for the
 * people attached to the unit itself (its figures minus its children's). Every unit row
 * counts its whole subtree, so a parent equals its children plus that row: summing the
 * rows of one level never double counts.
 */
export function withDirectRows(rows: readonly CoverageReportRow[]): CoverageExportRow[] {
  const children = new Map<string, CoverageReportRow[]>();
  for (const r of rows) {
    if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  }
  const out: CoverageExportRow[] = [];
  for (const r of rows) {
    out.push({ ...r, direct: false });
    const kids = children.get(r.orgUnitId);
    if (!kids?.length) continue;
    const minus = (pick: (x: CoverageReportRow) => number) =>
      pick(r) - kids.reduce((s, k) => s + pick(k), 0);
    const dxStaff = minus((x) => x.dxStaff);
    const trained = minus((x) => x.trained);
    out.push({
      orgUnitId: r.orgUnitId,
      code: r.code,
      name: DIRECT_ROW_NAME,
      parentId: r.orgUnitId,
      depth: r.depth + 1,
      dxStaff,
      trained,
      coverage: coverageRatio(trained, dxStaff),
      // Hundredths: sums of two-decimal figures stay exact.
      hours: Math.round(minus((x) => x.hours) * 100) / 100,
      certificates: minus((x) => x.certificates),
      fullTime: {
        dxStaff: minus((x) => x.fullTime.dxStaff),
        trained: minus((x) => x.fullTime.trained),
      },
      partTime: {
        dxStaff: minus((x) => x.partTime.dxStaff),
        trained: minus((x) => x.partTime.trained),
      },
      requirementMet: minus((x) => x.requirementMet),
      direct: true,
    });
  }
  return out;
}

/** The figures of the split columns, in COVERAGE_SPLIT_HEADERS order. */
export function splitFigures(r: CoverageReportRow): number[] {
  return [
    r.fullTime.dxStaff,
    r.fullTime.trained,
    r.partTime.dxStaff,
    r.partTime.trained,
    r.requirementMet,
  ];
}
