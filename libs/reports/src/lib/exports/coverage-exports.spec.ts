import { coverageRatio, CoverageReportRow } from '@dx/contracts';
import { CoverageReportEntity } from '@dx/db';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageSnapshot } from '../coverage-snapshot';
import { renderCoverageCsv } from './coverage-csv';
import { coverageFileName } from './coverage-export-format';
import { renderCoveragePdf } from './coverage-pdf';
import { renderCoverageXlsx, XLSX_HEADER_ROW } from './coverage-xlsx';

const ROOT_ID = '00000000-0000-4000-8000-000000000000';

function row(
  id: string,
  parentId: string | null,
  depth: number,
  code: string,
  name: string,
  figures: Pick<CoverageReportRow, 'dxStaff' | 'trained' | 'hours' | 'certificates'>,
): CoverageReportRow {
  return {
    orgUnitId: id,
    parentId,
    depth,
    code,
    name,
    ...figures,
    coverage: coverageRatio(figures.trained, figures.dxStaff),
    // Part-timers are one in five, rounded down; the requirement met by those trained.
    fullTime: {
      dxStaff: figures.dxStaff - Math.floor(figures.dxStaff / 5),
      trained: figures.trained - Math.floor(figures.trained / 5),
    },
    partTime: {
      dxStaff: Math.floor(figures.dxStaff / 5),
      trained: Math.floor(figures.trained / 5),
    },
    requirementMet: figures.trained,
  };
}

/** A province with 11 departments of 10 communes each: 1 + 11 + 110 = 122 rows. */
function bigSnapshot(): CoverageSnapshot {
  const rows: CoverageReportRow[] = [];
  for (let d = 1; d <= 11; d++) {
    const depId = `00000000-0000-4000-8000-0000000${String(d).padStart(2, '0')}000`;
    for (let c = 1; c <= 10; c++) {
      rows.push(
        row(
          `00000000-0000-4000-8000-0000000${String(d).padStart(2, '0')}${String(c).padStart(3, '0')}`,
          depId,
          2,
          `TQ-${d}-${c}`,
          `Xã Minh Quang ${d}.${c}`,
          {
            dxStaff: 10,
            trained: (c * 7) % 11,
            hours: ((c * 7) % 11) * 8,
            certificates: (c * 7) % 11,
          },
        ),
      );
    }
    const kids = sum(rows.filter((r) => r.parentId === depId));
    // The first department has 5 people of its own (1 trained): not in any commune.
    const own = d === 1 ? { dxStaff: 5, trained: 1, hours: 8, certificates: 1 } : null;
    const figures = own
      ? {
          dxStaff: kids.dxStaff + own.dxStaff,
          trained: kids.trained + own.trained,
          hours: kids.hours + own.hours,
          certificates: kids.certificates + own.certificates,
        }
      : kids;
    rows.push(row(depId, ROOT_ID, 1, `TQ-${d}`, `Sở Nội vụ ${d}`, figures));
  }
  rows.push(
    row(ROOT_ID, null, 0, 'TQ', 'Tỉnh Tuyên Quang', sum(rows.filter((r) => r.depth === 1))),
  );
  // Tree order, as the snapshot reader hands them over.
  rows.sort((a, b) =>
    a.code === 'TQ'
      ? -1
      : b.code === 'TQ'
        ? 1
        : a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
  return snapshot(rows);
}

function sum(rows: CoverageReportRow[]) {
  return {
    dxStaff: rows.reduce((s, r) => s + r.dxStaff, 0),
    trained: rows.reduce((s, r) => s + r.trained, 0),
    hours: rows.reduce((s, r) => s + r.hours, 0),
    certificates: rows.reduce((s, r) => s + r.certificates, 0),
  };
}

function snapshot(rows: CoverageReportRow[]): CoverageSnapshot {
  const report = Object.assign(new CoverageReportEntity(), {
    id: '11111111-1111-4111-8111-111111111111',
    year: 2025,
    orgUnitId: ROOT_ID,
    official: true,
    timeZone: 'Asia/Ho_Chi_Minh',
    status: 'completed',
    generatedAt: new Date('2026-01-01T00:05:00+07:00'),
  });
  return { report, unitCode: 'TQ', unitName: 'Tỉnh Tuyên Quang', rows };
}

const small = snapshot([
  row(ROOT_ID, null, 0, 'HG', 'Tỉnh Hà Giang', {
    dxStaff: 3,
    trained: 2,
    hours: 20.5,
    certificates: 3,
  }),
  row('22222222-2222-4222-8222-222222222222', ROOT_ID, 1, 'HG-01', 'Xã Lũng Cú, "cực Bắc"', {
    dxStaff: 3,
    trained: 2,
    hours: 20.5,
    certificates: 3,
  }),
]);

describe('coverage report exports', () => {
  const HEADINGS = [
    'Mã đơn vị',
    'Tên đơn vị',
    'Số CB làm CĐS',
    'Số đã bồi dưỡng',
    'Tỷ lệ (%)',
    'Số giờ',
    'Số chứng nhận',
    'CB chuyên trách',
    'Chuyên trách đã BD',
    'CB kiêm nhiệm',
    'Kiêm nhiệm đã BD',
    'Đạt yêu cầu số giờ',
  ];

  it('writes CSV as UTF-8 with a BOM, Vietnamese headings, quoted fields and plain numbers', () => {
    const csv = renderCoverageCsv(small);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(csv, { bom: true });
    expect(records).toEqual([
      HEADINGS,
      ['HG', 'Tỉnh Hà Giang', '3', '2', '66.67', '20.5', '3', '3', '2', '0', '0', '2'],
      ['HG', 'Trực thuộc trực tiếp', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['HG-01', 'Xã Lũng Cú, "cực Bắc"', '3', '2', '66.67', '20.5', '3', '3', '2', '0', '0', '2'],
    ]);
    expect(csv.toString('utf8')).toContain('"Xã Lũng Cú, ""cực Bắc"""');
  });

  it("writes CSV for Excel in Vietnamese with ';' and decimal commas", () => {
    const csv = renderCoverageCsv(small, { separator: ';' });
    const records: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(records[0]).toEqual(HEADINGS);
    expect(records[1].slice(0, 7)).toEqual(['HG', 'Tỉnh Hà Giang', '3', '2', '66,67', '20,5', '3']);
    expect(csv.toString('utf8').split('\r\n')[1]).toBe(
      'HG;Tỉnh Hà Giang;3;2;66,67;20,5;3;3;2;0;0;2',
    );
  });

  it('adds a "Trực thuộc trực tiếp" row so every unit equals its child rows', () => {
    const records: string[][] = parse(renderCoverageCsv(bigSnapshot()), { bom: true });
    const body = records.slice(1);
    const direct = body.filter((r) => r[1] === 'Trực thuộc trực tiếp');
    // One per unit with children: the province and its 11 departments.
    expect(direct).toHaveLength(12);
    expect(direct.find((r) => r[0] === 'TQ-1')?.slice(2, 7)).toEqual(['5', '1', '20', '8', '1']);
    // The province = its departments + its own people (none here): no one counted twice.
    const level1 = body.filter((r) => /^TQ-\d+$/.test(r[0]) && r[1] !== 'Trực thuộc trực tiếp');
    expect(level1).toHaveLength(11);
    const provinceDirect = direct.find((r) => r[0] === 'TQ') as string[];
    for (const col of [2, 3, 5, 6, 7, 8, 9, 10, 11]) {
      const total = level1.reduce((s, r) => s + Number(r[col]), 0) + Number(provinceDirect[col]);
      expect(total).toBeCloseTo(Number(body[0][col]), 6);
    }
  });

  it('writes XLSX with a bold frozen heading, numeric figures, percent coverage, indentation, levels and no repeated total', async () => {
    const data = bigSnapshot();
    const wb = new Workbook();
    await wb.xlsx.load((await renderCoverageXlsx(data)) as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe('BÁO CÁO TỶ LỆ BỒI DƯỠNG CĐS NĂM 2025');
    const header = ws.getRow(XLSX_HEADER_ROW);
    expect((header.values as unknown[]).slice(1)).toEqual(HEADINGS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });

    const first = ws.getRow(XLSX_HEADER_ROW + 1);
    expect(first.getCell(2).value).toBe('Tỉnh Tuyên Quang');
    expect(first.getCell(3).value).toBe(1105);
    expect(typeof first.getCell(5).value).toBe('number');
    expect(first.getCell(5).value).toBeCloseTo(data.rows[0].coverage, 10);
    expect(first.getCell(5).numFmt).toBe('0.0%');
    // Province, its own people, department 1, the department's own people, commune 1.1.
    expect(ws.getRow(XLSX_HEADER_ROW + 2).getCell(2).value).toBe('Trực thuộc trực tiếp');
    const commune = ws.getRow(XLSX_HEADER_ROW + 5);
    expect(commune.getCell(2).value).toBe('Xã Minh Quang 1.1');
    expect(commune.getCell(2).alignment?.indent).toBe(2);
    expect(commune.outlineLevel).toBe(2);

    // No "Tổng cộng" row repeating the province: each level sums to the province once.
    const names: unknown[] = [];
    const staffByDepth = new Map<number, number>();
    ws.eachRow((r, n) => {
      if (n <= XLSX_HEADER_ROW || typeof r.getCell(3).value !== 'number') return;
      names.push(r.getCell(2).value);
      const depth = r.outlineLevel ?? 0;
      staffByDepth.set(depth, (staffByDepth.get(depth) ?? 0) + (r.getCell(3).value as number));
    });
    expect(names.filter((n) => String(n).startsWith('Tổng cộng'))).toEqual([]);
    expect(staffByDepth.get(0)).toBe(1105);
    expect(staffByDepth.get(1)).toBe(1105);
    expect(ws.getColumn(2).width).toBeGreaterThan(40);
  });

  it('writes an A4 PDF with the Vietnamese title, the unit, a heading on every page and page numbers', async () => {
    const data = bigSnapshot();
    const pdf = await renderCoveragePdf(data);
    const file = join(mkdtempSync(join(tmpdir(), 'dx-report-pdf-')), 'report.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    expect(text).toContain('BÁO CÁO TỶ LỆ BỒI DƯỠNG CĐS NĂM 2025');
    expect(text).toContain('Tỉnh Tuyên Quang');
    expect(text).toContain('Xã Minh Quang 11.10');
    expect(text).toContain('Tổng cộng: Tỉnh Tuyên Quang');
    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page).toContain('Số CB làm');
      expect(page).toContain(`Trang ${i + 1}/${pages}`);
    });
  });

  it('offers a Vietnamese file name without characters that break paths', () => {
    const odd = { ...small, unitName: 'Phường "Hà Đông"/Hà Nội' };
    expect(coverageFileName(odd, 'pdf')).toBe(
      'Báo cáo bồi dưỡng CĐS 2025 - Phường Hà Đông Hà Nội.pdf',
    );
  });
});
