import { certificateFonts } from '@dx/certificate-pdf';
import { COVERAGE_TARGET, CoverageReportRow } from '@dx/contracts';
import PDFDocument from 'pdfkit';
import type { CoverageSnapshot } from '../coverage-snapshot';
import {
  COVERAGE_HEADERS,
  coveragePercent,
  coverageTitle,
  vnDateTime,
} from './coverage-export-format';
import { withDirectRows } from './coverage-export-rows';

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 40, bottom: 48, left: 36, right: 36 };
/** Column widths in points; they fill the 523 pt between A4 margins. */
const WIDTHS = [62, 205, 50, 52, 48, 52, 54];
const ROW_H = 15;
const HEADER_H = 26;
const BELOW_TARGET = '#fde2e1';
const GRID = '#9aa5b1';
const vn = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * A4 report for printing and filing: title, unit and generation date, then the table with
 * its heading repeated on every page, units below the 80 % target shaded, the totals of
 * the report's unit last, and "Trang i/n" on each page. Rows never wrap (names are cut
 * with an ellipsis), so pagination is exact arithmetic.
 */
export function renderCoveragePdf(snapshot: CoverageSnapshot): Promise<Buffer> {
  const { report, rows } = snapshot;
  const fonts = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: coverageTitle(report.year), Subject: snapshot.unitName, Author: 'dx-academy' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc
    .font('bold')
    .fontSize(14)
    .fillColor('#1b3a6b')
    .text(coverageTitle(report.year), { align: 'center' });
  doc.moveDown(0.2).fontSize(11).fillColor('#111').text(snapshot.unitName, { align: 'center' });
  const generated = vnDateTime(report.generatedAt ?? new Date(), report.timeZone);
  doc
    .moveDown(0.2)
    .font('regular')
    .fontSize(9)
    .text(
      `Lập ngày ${generated} · Số liệu tại ngày 31/12/${report.year}${report.official ? ' · Báo cáo chính thức' : ''}`,
      { align: 'center' },
    );
  doc.moveDown(0.8);

  const bottom = doc.page.height - MARGIN.bottom;
  let y = drawHeader(doc, doc.y);
  const root = rows.find((r) => r.orgUnitId === report.orgUnitId);
  // With the "Trực thuộc trực tiếp" rows, so each unit's children add up to it.
  const lines: { row: CoverageReportRow; total: boolean }[] = withDirectRows(rows).map((row) => ({
    row,
    total: false,
  }));
  if (root)
    lines.push({
      row: { ...root, code: '', name: `Tổng cộng: ${root.name}`, depth: 0 },
      total: true,
    });
  for (const line of lines) {
    if (y + ROW_H > bottom) {
      doc.addPage();
      y = drawHeader(doc, MARGIN.top);
    }
    drawRow(doc, line.row, y, line.total);
    y += ROW_H;
  }
  if (y + 24 > bottom) {
    doc.addPage();
    y = MARGIN.top;
  }
  doc.rect(MARGIN.left, y + 10, 10, 8).fill(BELOW_TARGET);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#333')
    .text(`Đơn vị có tỷ lệ bồi dưỡng dưới ${COVERAGE_TARGET * 100}%`, MARGIN.left + 14, y + 9.5, {
      width: width - 14,
      lineBreak: false,
    });

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555')
      .text(`Trang ${i + 1}/${pages.count}`, MARGIN.left, doc.page.height - 30, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function drawHeader(doc: Doc, y: number): number {
  let x = MARGIN.left;
  doc.font('bold').fontSize(8).fillColor('#111');
  COVERAGE_HEADERS.forEach((label, i) => {
    doc.rect(x, y, WIDTHS[i], HEADER_H).fillAndStroke('#e8eef7', GRID);
    doc
      .fillColor('#111')
      .text(label, x + 2, y + 4, { width: WIDTHS[i] - 4, align: 'center', height: HEADER_H - 4 });
    x += WIDTHS[i];
  });
  return y + HEADER_H;
}

function drawRow(doc: Doc, row: CoverageReportRow, y: number, total: boolean): void {
  const shaded = row.dxStaff > 0 && row.coverage < COVERAGE_TARGET;
  const cells = [
    row.code,
    row.name,
    vn.format(row.dxStaff),
    vn.format(row.trained),
    `${vn.format(coveragePercent(row.coverage))}%`,
    vn.format(row.hours),
    vn.format(row.certificates),
  ];
  const font = total || row.depth === 0 ? 'bold' : 'regular';
  let x = MARGIN.left;
  cells.forEach((text, i) => {
    const w = WIDTHS[i];
    doc.lineWidth(0.5);
    if (shaded) doc.rect(x, y, w, ROW_H).fillAndStroke(BELOW_TARGET, GRID);
    else doc.rect(x, y, w, ROW_H).stroke(GRID);
    const indent = i === 1 ? Math.min(row.depth, 8) * 8 : 0;
    doc.font(font).fontSize(8).fillColor('#111');
    doc.text(fit(doc, text, w - 6 - indent), x + 3 + indent, y + 3.5, {
      width: w - 6 - indent,
      align: i >= 2 ? 'right' : 'left',
      lineBreak: false,
    });
    x += w;
  });
}

/** The text cut with an ellipsis to fit `width` at the current font. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
