// Pure logic of the coverage report view: the tree of rows, sorting siblings, what is
// expanded, and the threshold. No React here, so it is unit-tested directly.
import { COVERAGE_TARGET, withDirectRows, type CoverageReportRow } from '@dx/contracts';

export interface CoverageTreeInput {
  orgUnitId: string;
  parentId: string | null;
  code: string;
  name: string;
  dxStaff: number;
  trained: number;
  coverage: number;
  hours: number;
  certificates: number;
  requirementMet: number;
  /** "Trực thuộc trực tiếp": the people of the parent unit itself; stays first among siblings. */
  direct?: boolean;
}

export const COVERAGE_SORT_KEYS = [
  'name',
  'dxStaff',
  'trained',
  'coverage',
  'requirementMet',
  'hours',
  'certificates',
] as const;
/** Columns that fold away on narrower screens until "more columns" is chosen. */
export const SECONDARY_KEYS: readonly CoverageSortKey[] = ['hours', 'certificates'];

/** Suffix of a direct row's id in the table (it stands for its parent unit's own people). */
export const DIRECT_SUFFIX = ':direct';

/**
 * The report's rows with a "Trực thuộc trực tiếp" row under each unit that has children
 * (children + it = the unit), ids made unique for the tree.
 */
export function tableRows(
  rows: readonly CoverageReportRow[],
): (CoverageReportRow & { direct: boolean })[] {
  return withDirectRows(rows).map((r) =>
    r.direct ? { ...r, orgUnitId: `${r.orgUnitId}${DIRECT_SUFFIX}` } : r,
  );
}

/**
 * A year without any training recorded (nobody trained, no hours, no certificate): the
 * platform held no data then, which is not the same as 0 %.
 */
export function hasNoData(
  row: Pick<CoverageTreeInput, 'trained' | 'hours' | 'certificates'>,
): boolean {
  return row.trained === 0 && row.hours === 0 && row.certificates === 0;
}
export type CoverageSortKey = (typeof COVERAGE_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface CoverageSort {
  key: CoverageSortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: CoverageSort = { key: 'name', direction: 'asc' };

export interface VisibleRow<T> {
  row: T;
  /** 0 for the report's unit (and any row whose parent is missing), 1 below it, … */
  depth: number;
  childCount: number;
  expanded: boolean;
}

/** Children of every row, by parent id; rows whose parent is absent hang from `null`. */
export function childrenByParent<T extends CoverageTreeInput>(
  rows: readonly T[],
): Map<string | null, T[]> {
  const ids = new Set(rows.map((r) => r.orgUnitId));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  return children;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareRows<T extends CoverageTreeInput>(sort: CoverageSort) {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a: T, b: T): number => {
    if (!!a.direct !== !!b.direct) return a.direct ? -1 : 1;
    const primary =
      sort.key === 'name' ? collator.compare(a.name, b.name) : a[sort.key] - b[sort.key];
    if (primary !== 0) return sign * primary;
    // Ties keep a stable, meaningful order whatever the direction.
    return collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  };
}

/**
 * Rows to draw, top to bottom: each parent followed by its children when it is expanded;
 * siblings ordered by `sort` (a tree table sorts within each parent, never across levels).
 */
export function visibleRows<T extends CoverageTreeInput>(
  rows: readonly T[],
  sort: CoverageSort,
  expanded: ReadonlySet<string>,
): VisibleRow<T>[] {
  const children = childrenByParent(rows);
  const compare = compareRows<T>(sort);
  const out: VisibleRow<T>[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string | null, depth: number) => {
    const list = [...(children.get(parentId) ?? [])].sort(compare);
    for (const row of list) {
      if (seen.has(row.orgUnitId)) continue; // a cycle in bad data must not hang the page
      seen.add(row.orgUnitId);
      const childCount = children.get(row.orgUnitId)?.length ?? 0;
      const isExpanded = childCount > 0 && expanded.has(row.orgUnitId);
      out.push({ row, depth, childCount, expanded: isExpanded });
      if (isExpanded) walk(row.orgUnitId, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Ids of the rows that have children (what "expand all" opens). */
export function parentIds<T extends CoverageTreeInput>(rows: readonly T[]): Set<string> {
  const out = new Set<string>();
  for (const [parentId] of childrenByParent(rows)) if (parentId !== null) out.add(parentId);
  return out;
}

/** Initially the report's unit is open, so its direct children show. */
export function initiallyExpanded<T extends CoverageTreeInput>(rows: readonly T[]): Set<string> {
  const roots = childrenByParent(rows).get(null) ?? [];
  return new Set(roots.map((r) => r.orgUnitId));
}

/** Next sort when a column header is pressed: same column flips, another starts sensibly. */
export function nextSort(current: CoverageSort, key: CoverageSortKey): CoverageSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  // Names read A→Z; for figures the smallest first puts the units needing attention on top.
  return { key, direction: 'asc' };
}

/**
 * Below the threshold (a ratio 0–1)? A unit without DX staff has nobody to train: its
 * coverage is 0 by definition, but it is not flagged.
 */
export function isBelowThreshold(row: CoverageTreeInput, threshold: number): boolean {
  return row.dxStaff > 0 && row.coverage < threshold - 1e-9;
}

/** The exports flag units below the same target (80%). */
export const DEFAULT_THRESHOLD_PERCENT = Math.round(COVERAGE_TARGET * 100);

/** The threshold input's text as a percentage 0–100, or null when it is not one. */
export function parseThresholdPercent(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) return null;
  return value;
}

/**
 * The report as the caller reads it. HR below an official report's unit (the national one)
 * gets only its subtree's rows: the report then stands for its top row's unit (title,
 * other years, "another report"), and `partial` says the figures are an extract.
 */
export function readablePart<R extends { orgUnitId: string; rows: readonly CoverageTreeInput[] }>(
  report: R,
): { report: R; partial: boolean } {
  if (report.rows.length === 0 || report.rows.some((r) => r.orgUnitId === report.orgUnitId)) {
    return { report, partial: false };
  }
  const [top] = childrenByParent(report.rows).get(null) ?? report.rows;
  return { report: { ...report, orgUnitId: top.orgUnitId }, partial: true };
}
