import type { CoverageReportRow } from '@dx/contracts';
import {
  DEFAULT_SORT,
  hasNoData,
  initiallyExpanded,
  isBelowThreshold,
  nextSort,
  parentIds,
  parseThresholdPercent,
  readablePart,
  tableRows,
  visibleRows,
  type CoverageTreeInput,
} from './coverage-tree';

function row(
  orgUnitId: string,
  parentId: string | null,
  name: string,
  dxStaff: number,
  trained: number,
): CoverageTreeInput {
  return {
    orgUnitId,
    parentId,
    code: orgUnitId.toUpperCase(),
    name,
    dxStaff,
    trained,
    coverage: dxStaff > 0 ? trained / dxStaff : 0,
    hours: trained * 4,
    certificates: trained,
    requirementMet: trained,
  };
}

// Tỉnh → Xã Bình (2/2), Xã An (1/4, with a hamlet-level unit under it), Xã Cát (0 staff).
const ROWS = [
  row('p', null, 'Tỉnh Thử', 7, 3),
  row('b', 'p', 'Xã Bình', 2, 2),
  row('a', 'p', 'Xã An', 4, 1),
  row('a1', 'a', 'Tổ An 1', 1, 0),
  row('c', 'p', 'Xã Cát', 0, 0),
];

const names = (rows: { row: CoverageTreeInput }[]) => rows.map((r) => r.row.name);

describe('visibleRows', () => {
  it('shows the report unit and its children at first, sorted by name (Vietnamese order)', () => {
    const rows = visibleRows(ROWS, { key: 'name', direction: 'asc' }, initiallyExpanded(ROWS));
    expect(names(rows)).toEqual(['Tỉnh Thử', 'Xã An', 'Xã Bình', 'Xã Cát']);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 1, 1]);
    expect(rows[0]).toMatchObject({ childCount: 3, expanded: true });
    expect(rows[1]).toMatchObject({ childCount: 1, expanded: false });
  });

  it('sorts within each parent and keeps children under their parent', () => {
    const expanded = parentIds(ROWS);
    const rows = visibleRows(ROWS, { key: 'coverage', direction: 'desc' }, expanded);
    expect(names(rows)).toEqual(['Tỉnh Thử', 'Xã Bình', 'Xã An', 'Tổ An 1', 'Xã Cát']);
    const byStaff = visibleRows(ROWS, { key: 'dxStaff', direction: 'asc' }, expanded);
    expect(names(byStaff)).toEqual(['Tỉnh Thử', 'Xã Cát', 'Xã Bình', 'Xã An', 'Tổ An 1']);
  });

  it('treats a row whose parent is missing as a root, and survives a cycle', () => {
    const orphan = row('x', 'gone', 'Đơn vị lẻ', 1, 1);
    const rows = visibleRows([...ROWS, orphan], { key: 'name', direction: 'asc' }, new Set());
    expect(names(rows)).toEqual(['Đơn vị lẻ', 'Tỉnh Thử']);
    const cyclic = [row('m', 'n', 'M', 1, 0), row('n', 'm', 'N', 1, 0)];
    expect(visibleRows(cyclic, { key: 'name', direction: 'asc' }, new Set(['m', 'n']))).toEqual([]);
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column and starts another ascending', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({
      key: 'name',
      direction: 'desc',
    });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'coverage')).toEqual({
      key: 'coverage',
      direction: 'asc',
    });
  });
});

describe('threshold', () => {
  it('flags units strictly below it, never units without DX staff', () => {
    expect(isBelowThreshold(ROWS[2], 0.8)).toBe(true); // 25%
    expect(isBelowThreshold(ROWS[1], 0.8)).toBe(false); // 100%
    expect(isBelowThreshold(row('e', null, 'E', 5, 4), 0.8)).toBe(false); // exactly 80%
    expect(isBelowThreshold(ROWS[4], 0.8)).toBe(false); // no DX staff
  });

  it('reads the input as a percentage 0–100, with a decimal comma', () => {
    expect(parseThresholdPercent('80')).toBe(80);
    expect(parseThresholdPercent(' 62,5 ')).toBe(62.5);
    expect(parseThresholdPercent('')).toBeNull();
    expect(parseThresholdPercent('101')).toBeNull();
    expect(parseThresholdPercent('abc')).toBeNull();
  });
});

describe('rows of the table', () => {
  const full = (r: CoverageTreeInput): CoverageReportRow => ({
    ...r,
    depth: r.parentId === null ? 0 : 1,
    fullTime: { dxStaff: r.dxStaff, trained: r.trained },
    partTime: { dxStaff: 0, trained: 0 },
  });

  it('adds a "Trực thuộc trực tiếp" row under each unit with children, first whatever the sort', () => {
    const rows = tableRows(ROWS.map(full));
    const direct = rows.filter((r) => r.direct);
    // Tỉnh (7 staff) − Bình 2 − An 4 − Cát 0 = 1 of its own; Xã An 4 − Tổ An 1 = 3.
    expect(direct.map((r) => [r.orgUnitId, r.name, r.dxStaff, r.trained])).toEqual([
      ['p:direct', 'Trực thuộc trực tiếp', 1, 0],
      ['a:direct', 'Trực thuộc trực tiếp', 3, 1],
    ]);
    const shown = visibleRows(rows, { key: 'dxStaff', direction: 'desc' }, new Set(['p']));
    expect(names(shown)).toEqual([
      'Tỉnh Thử',
      'Trực thuộc trực tiếp',
      'Xã An',
      'Xã Bình',
      'Xã Cát',
    ]);
    const byName = visibleRows(rows, DEFAULT_SORT, new Set(['p']));
    expect(names(byName)[1]).toBe('Trực thuộc trực tiếp');
  });

  it('tells a year without any training data from a real 0 %', () => {
    expect(hasNoData({ trained: 0, hours: 0, certificates: 0 })).toBe(true);
    expect(hasNoData({ trained: 0, hours: 0, certificates: 1 })).toBe(false);
    expect(hasNoData({ trained: 1, hours: 8, certificates: 1 })).toBe(false);
  });
});

describe('readablePart', () => {
  it('keeps a whole report as it is', () => {
    const report = { orgUnitId: 'p', rows: ROWS };
    expect(readablePart(report)).toEqual({ report, partial: false });
  });

  it('makes HR’s extract of an official report stand for its top unit', () => {
    // The national report (unit "vn") read by the province's HR: its rows only.
    const report = { id: 'r', orgUnitId: 'vn', rows: ROWS.map((r) => ({ ...r })) };
    report.rows[0] = { ...report.rows[0], parentId: 'vn' };
    const { report: part, partial } = readablePart(report);
    expect(partial).toBe(true);
    expect(part).toEqual({ ...report, orgUnitId: 'p' });
  });
});
