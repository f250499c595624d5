import { COVERAGE_TARGET } from '@dx/contracts';
import { Borders, Row, Workbook } from 'exceljs';
import type { CoverageSnapshot } from '../coverage-snapshot';
import { COVERAGE_HEADERS, coverageTitle, vnDateTime } from './coverage-export-format';

/** Row of the column headings; rows above it hold the title. */
export const XLSX_HEADER_ROW = 4;

const NUMBER_FORMATS = ['@', '@', '#,##0', '#,##0', '0.0%', '#,##0.0', '#,##0'];
const WIDTHS = [18, 56, 15, 16, 11, 12, 15];
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
 * depth, units below the target shaded, and a closing totals row for the report's unit.
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

  ws.mergeCells(1, 1, 1, COVERAGE_HEADERS.length);
  ws.getCell(1, 1).value = coverageTitle(report.year);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, COVERAGE_HEADERS.length);
  ws.getCell(2, 1).value = `Đơn vị: ${snapshot.unitName} — lập ngày ${vnDateTime(
    report.generatedAt ?? new Date(),
    report.timeZone,
  )}${report.official ? ' — số liệu chính thức' : ''}`;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };

  const header = ws.getRow(XLSX_HEADER_ROW);
  header.values = [...COVERAGE_HEADERS];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  ws.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW, column: 7 },
  };

  for (const r of rows) {
    const row = ws.addRow([
      r.code,
      r.name,
      r.dxStaff,
      r.trained,
      r.coverage,
      r.hours,
      r.certificates,
    ]);
    styleFigures(row);
    row.getCell(2).alignment = { indent: Math.min(r.depth, 15) };
    if (r.depth === 0) row.font = { bold: true };
    if (r.dxStaff > 0 && r.coverage < COVERAGE_TARGET) {
      row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BELOW_TARGET } };
    }
  }

  const root = rows.find((r) => r.orgUnitId === report.orgUnitId) ?? rows[0];
  if (root) {
    const total = ws.addRow([
      '',
      `Tổng cộng: ${root.name}`,
      root.dxStaff,
      root.trained,
      root.coverage,
      root.hours,
      root.certificates,
    ]);
    styleFigures(total);
    total.font = { bold: true };
    total.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { ...THIN, top: { style: 'double' } };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleFigures(row: Row): void {
  NUMBER_FORMATS.forEach((fmt, i) => {
    const cell = row.getCell(i + 1);
    if (i >= 2) cell.numFmt = fmt;
    cell.border = THIN;
  });
}
