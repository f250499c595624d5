import type { JobErrorCode } from './errors';
import { JobName, JobState, QueueName } from './queues';

export const REPORTS_QUEUE = QueueName.Reports;

export enum ReportJob {
  Coverage = JobName.Coverage,
  YearlyNationalCoverage = JobName.YearlyNationalCoverage,
  AdvanceLedgerPlacement = JobName.AdvanceLedgerPlacement,
}

/** Id of the BullMQ job scheduler that produces the official reports each 1 January. */
export const YEARLY_COVERAGE_SCHEDULER_ID = 'yearly-national-coverage';

export interface CoverageJobData {
  reportId: string;
}

export interface YearlyCoverageJobData {
  /** Defaults to the year before the current one in TZ_REPORTS (what the schedule wants). */
  year?: number;
}

/** Id of the BullMQ job scheduler that moves the ledger's placement to each new day. */
export const LEDGER_PLACEMENT_SCHEDULER_ID = 'advance-ledger-placement';

export interface AdvanceLedgerPlacementJobData {
  /** YYYY-MM-DD in TZ_REPORTS; default: today there. Tests move this, not the clock. */
  day?: string;
}

export interface AdvanceLedgerPlacementResult {
  day: string;
  /** Years whose placement this run wrote (placed, or moved to their new day). */
  advanced: number[];
}

export const FIRST_REPORT_YEAR = 2000;

/** `POST /api/reports/coverage`. */
export interface CoverageReportRequest {
  year: number;
  orgUnitId: string;
}

/** `GET /api/reports/coverage/jobs/:jobId`. */
export interface CoverageJobStatus {
  state: JobState;
  progress: number;
  reportId?: string;
  /** English, for logs; the UI shows `errorCode` (`job_failed`). */
  error?: string;
  errorCode?: JobErrorCode;
}

export interface CoverageReportRow {
  orgUnitId: string;
  code: string;
  name: string;
  /** Parent row's unit; null for the report's own unit (the root of the report). */
  parentId: string | null;
  /** 0 for the report's unit, 1 for its children, … */
  depth: number;
  dxStaff: number;
  trained: number;
  /** trained / dxStaff, 0 when dxStaff is 0. */
  coverage: number;
  hours: number;
  certificates: number;
  /** DX staff with dxRole full_time, and those of them trained. */
  fullTime: CoverageSplit;
  /** DX staff with dxRole part_time, and those of them trained. */
  partTime: CoverageSplit;
  /** DX staff who met every requirement of the year that applied to them (none: met). */
  requirementMet: number;
}

export interface CoverageSplit {
  dxStaff: number;
  trained: number;
}

/** `GET /api/reports/coverage?orgUnitId=&year=`: a stored report the caller may read. */
export interface CoverageReportSummary {
  id: string;
  year: number;
  orgUnitId: string;
  /** The report's unit as the report shows it (code and name at the end of its year). */
  orgUnitCode: string;
  orgUnitName: string;
  official: boolean;
  generatedAt: string;
}

/** A merge that touches a report's units: the absorbed unit and its successor. */
export interface CoverageMergeNote {
  unitId: string;
  unitName: string;
  successorId: string;
  successorName: string;
  /** The day the absorbed unit closed, YYYY-MM-DD. */
  effectiveDate: string;
}

export interface CoverageReadFrom {
  server: 'replica' | 'primary';
  /** In English, for operators: e.g. "replica behind: …; waited 5000 ms, then read from the primary". */
  detail: string;
}

/** `GET /api/reports/coverage/:reportId`: rows in tree order (a parent before its children). */
export interface CoverageReport {
  id: string;
  year: number;
  orgUnitId: string;
  official: boolean;
  timeZone: string;
  generatedAt: string;
  /**
   * Where the figures were read: the streaming replica (DATABASE_REPLICA_URL) when it had
   * replayed past the request, else the primary, with why (absent for older reports).
   */
  readFrom?: CoverageReadFrom;
  rows: CoverageReportRow[];
  /** Merges whose absorbed unit or successor is one of the rows (explains history). */
  merges: CoverageMergeNote[];
}

/**
 * CSV field separators: `,` (default, with a decimal point) or `;` with a decimal comma,
 * what Excel with Vietnamese regional settings expects.
 */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export const COVERAGE_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type CoverageExportFormat = (typeof COVERAGE_EXPORT_FORMATS)[number];

/** Where the worker stores a report's export (FILE_STORAGE key). */
export function coverageExportKey(reportId: string, format: CoverageExportFormat): string {
  return `reports/${reportId}.${format}`;
}

export function coverageJobId(reportId: string): string {
  return `coverage-${reportId}`;
}

/**
 * The job that renders again the missing files of a completed report (its computing job is
 * long done, and BullMQ may still hold it): one per report and sweep run (`at`, to the minute).
 */
export function coverageRenderJobId(reportId: string, at: Date): string {
  return `${coverageJobId(reportId)}-render-${at.toISOString().slice(0, 16).replace(/\D/g, '')}`;
}

export function coverageRatio(trained: number, dxStaff: number): number {
  return dxStaff > 0 ? trained / dxStaff : 0;
}

/** Below this coverage a unit is flagged in the exports. */
export const COVERAGE_TARGET = 0.8;

/**
 * Depth-first order (siblings by code), so a tree table can be drawn top to bottom. Rows
 * whose parent is missing are treated as roots rather than dropped.
 */
export function orderCoverageRows<
  T extends { orgUnitId: string; parentId: string | null; code: string },
>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.orgUnitId));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  for (const list of children.values())
    list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const out: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length) {
    const row = stack.pop() as T;
    out.push(row);
    stack.push(...[...(children.get(row.orgUnitId) ?? [])].reverse());
  }
  return out;
}

/** A row of a report as shown (table, exports): a unit (its whole subtree), or the people attached to a unit itself. */
export interface CoverageExportRow extends CoverageReportRow {
  /** True for "trực thuộc trực tiếp": the parent's own people, not in any child unit. */
  direct: boolean;
}

export const DIRECT_ROW_NAME = 'Trực thuộc trực tiếp';

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

/** `GET /api/reports/coverage`: reports on a unit, and official reports with a row for it. */
export interface CoverageListQuery {
  orgUnitId?: string;
  year?: number;
}

/** `GET /api/reports/coverage/:reportId/export`. */
export interface CoverageExportQuery {
  format: CoverageExportFormat;
  /** CSV only: `;` writes decimal commas, as Excel in Vietnamese expects. Default `,`. */
  separator?: CsvSeparator;
}
