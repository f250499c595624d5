import { COVERAGE_TARGET } from '@dx/contracts';
import { Borders, Row, Workbook } from 'exceljs';
import type { CoverageSnapshot } from '../coverage-snapshot';
import { COVERAGE_HEADERS, coverageTitle, vnDateTime } from './coverage-export-format';
import { COVERAGE_SPLIT_HEADERS, splitFigures, withDirectRows } from './coverage-export-rows';

/** Row of the column headings; rows above it hold the title. */
export const XLSX_HEADER_ROW = 4;

const HEADERS = [...COVERAGE_HEADERS, ...COVERAGE_SPLIT_HEADERS];
const NUMBER_FORMATS = [
  '@',
  '@',
  '#,##0',
  '#,##0',
  '0.0%',
  '#,##0.0',
  '#,##0',
  ...COVERAGE_SPLIT_HEADERS.map(() => '#,##0'),
];
const WIDTHS = [18, 56, 15, 16, 11, 12, 15, ...COVERAGE_SPLIT_HEADERS.map(() => 14)];
const BELOW_TARGET = 'FFFDE2E1';
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The spreadsheet HR offices open: title, unit and date above a bold, frozen heading;
 * figures stored as numbers (coverage as a fraction shown in percent), names indented by
 * depth and grouped (Excel outline) by level, units below the target shaded. Each unit
 * row counts its whole subtree (the first row is the total), and each unit with children
 * is followed by its "Trực thuộc trực tiếp" row, so the rows of one level under a parent
 * add up to it. No repeated totals row: summing a level never counts anyone twice.
 */
export async function renderCoverageXlsx(snapshot: CoverageSnapshot): Promise<Buffer> {
  const { report, rows } = snapshot;
  const wb = new Workbook();
  wb.creator = 'dx-academy';
  wb.created = report.generatedAt ?? new Date();
  const ws = wb.addWorksheet(`Năm ${report.year}`, {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  WIDTHS.forEach((width, i) => (ws.getColumn(i + 1).width = width));

  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = coverageTitle(report.year);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.getCell(2, 1).value = `Đơn vị: ${snapshot.unitName} — lập ngày ${vnDateTime(
    report.generatedAt ?? new Date(),
    report.timeZone,
  )}${report.official ? ' — số liệu chính thức' : ''}`;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };

  const header = ws.getRow(XLSX_HEADER_ROW);
  header.values = HEADERS;
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  ws.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW, column: HEADERS.length },
  };

  for (const r of withDirectRows(rows)) {
    const row = ws.addRow([
      r.code,
      r.name,
      r.dxStaff,
      r.trained,
      r.coverage,
      r.hours,
      r.certificates,
      ...splitFigures(r),
    ]);
    styleFigures(row);
    row.outlineLevel = Math.min(r.depth, 7);
    row.getCell(2).alignment = { indent: Math.min(r.depth, 15) };
    if (r.depth === 0) row.font = { bold: true };
    if (r.direct) row.getCell(2).font = { italic: true };
    if (r.dxStaff > 0 && r.coverage < COVERAGE_TARGET) {
      row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BELOW_TARGET } };
    }
  }
  ws.addRow([]);
  const note = ws.addRow([
    '',
    'Mỗi dòng đơn vị tính cả các đơn vị trực thuộc; dòng “Trực thuộc trực tiếp” là người thuộc chính đơn vị đó. Cộng các dòng cùng cấp trong một đơn vị bằng dòng của đơn vị đó.',
  ]);
  note.getCell(2).font = { italic: true, size: 9 };
  note.getCell(2).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleFigures(row: Row): void {
  NUMBER_FORMATS.forEach((fmt, i) => {
    const cell = row.getCell(i + 1);
    if (i >= 2) cell.numFmt = fmt;
    cell.border = THIN;
  });
}
