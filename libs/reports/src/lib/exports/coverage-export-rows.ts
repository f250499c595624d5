import type { CoverageReportRow } from '@dx/contracts';

// The direct rows themselves are computed by `withDirectRows` in @dx/contracts (the web
// table shows the same rows).
export { DIRECT_ROW_NAME, withDirectRows, type CoverageExportRow } from '@dx/contracts';

/** Extra columns after the seven of COVERAGE_HEADERS (CSV and XLSX). */
export const COVERAGE_SPLIT_HEADERS = [
  'CB chuyên trách',
  'Chuyên trách đã BD',
  'CB kiêm nhiệm',
  'Kiêm nhiệm đã BD',
  'Đạt yêu cầu số giờ',
] as const;

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
