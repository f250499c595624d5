import {
  initiallyExpanded,
  isBelowThreshold,
  nextSort,
  parentIds,
  parseThresholdPercent,
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
