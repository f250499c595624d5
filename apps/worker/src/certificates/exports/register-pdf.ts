import { certificateFonts } from '@dx/certificate-pdf';
import type { CertificateRegisterRow } from '@dx/reports';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { REGISTER_HEADERS, registerCells, registerTitle } from './register-format';

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 36, bottom: 40, left: 28, right: 28 };
/** Column widths in points; they fill the 786 pt between landscape A4 margins. */
const WIDTHS = [28, 80, 40, 108, 52, 149, 32, 56, 52, 92, 50, 46];
const ROW_H = 14;
const HEADER_H = 24;
const TITLE_H = 44;
const GRID = '#9aa5b1';
const PAGE_H = 595.28;

/** Lines on the first page (below the title) and on the next ones: pagination is arithmetic. */
const FIRST_ROWS = Math.floor((PAGE_H - MARGIN.top - MARGIN.bottom - TITLE_H - HEADER_H) / ROW_H);
const NEXT_ROWS = Math.floor((PAGE_H - MARGIN.top - MARGIN.bottom - HEADER_H) / ROW_H);

export function registerPageCount(total: number): number {
  return total <= FIRST_ROWS ? 1 : 1 + Math.ceil((total - FIRST_ROWS) / NEXT_ROWS);
}

/**
 * The register as a landscape A4 PDF streamed to `out` page by page (no buffered pages:
 * "Trang i/n" comes from the count known beforehand), heading repeated on every page,
 * cells cut with an ellipsis so every line has one height.
 */
export async function writeRegisterPdf(
  out: Writable,
  meta: { year: number; unitName: string; total: number },
  batches: AsyncIterable<CertificateRegisterRow[]>,
  onRows: (n: number) => Promise<void>,
): Promise<void> {
  const fonts = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    info: { Title: registerTitle(meta.year), Subject: meta.unitName, Author: 'dx-academy' },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('close', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const pages = registerPageCount(meta.total);
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  doc.font('bold').fontSize(13).fillColor('#1b3a6b');
  doc.text(registerTitle(meta.year), MARGIN.left, MARGIN.top, { width, align: 'center' });
  doc.font('regular').fontSize(10).fillColor('#111');
  doc.text(`Đơn vị: ${meta.unitName}`, MARGIN.left, MARGIN.top + 20, { width, align: 'center' });
  let page = 1;
  footer(doc, page, pages, width);
  let y = drawHeader(doc, MARGIN.top + TITLE_H);
  let left = FIRST_ROWS;
  let n = 0;
  for await (const rows of batches) {
    for (const r of rows) {
      if (left === 0) {
        doc.addPage();
        footer(doc, ++page, pages, width);
        y = drawHeader(doc, MARGIN.top);
        left = NEXT_ROWS;
      }
      drawRow(doc, registerCells(r, ++n), y);
      y += ROW_H;
      left--;
    }
    await onRows(rows.length);
  }
  doc.end();
  await finished;
}

function footer(doc: Doc, page: number, pages: number, width: number): void {
  // Inside the bottom margin pdfkit would open a new page; this page's margin is lifted.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('regular').fontSize(8).fillColor('#555');
  doc.text(`Trang ${page}/${pages}`, MARGIN.left, doc.page.height - 26, {
    width,
    align: 'center',
    lineBreak: false,
  });
  doc.page.margins.bottom = bottom;
}

function drawHeader(doc: Doc, y: number): number {
  let x = MARGIN.left;
  doc.font('bold').fontSize(7.5).lineWidth(0.5);
  REGISTER_HEADERS.forEach((label, i) => {
    doc.rect(x, y, WIDTHS[i], HEADER_H).fillAndStroke('#e8eef7', GRID);
    doc.fillColor('#111').text(label, x + 2, y + 4, {
      width: WIDTHS[i] - 4,
      align: 'center',
      height: HEADER_H - 4,
    });
    x += WIDTHS[i];
  });
  return y + HEADER_H;
}

function drawRow(doc: Doc, cells: (string | number)[], y: number): void {
  let x = MARGIN.left;
  doc.font('regular').fontSize(7.5).lineWidth(0.5);
  cells.forEach((cell, i) => {
    const w = WIDTHS[i];
    doc.rect(x, y, w, ROW_H).stroke(GRID);
    const text = typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell;
    doc.fillColor('#111').text(fit(doc, text, w - 4), x + 2, y + 3.5, {
      width: w - 4,
      align: typeof cell === 'number' ? 'right' : 'left',
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
