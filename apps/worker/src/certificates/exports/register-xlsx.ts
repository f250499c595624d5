import type { CertificateRegisterRow } from '@dx/reports';
import { stream } from 'exceljs';
import type { Writable } from 'node:stream';
import { REGISTER_HEADERS, registerCells, registerTitle } from './register-format';

const WIDTHS = [7, 18, 10, 28, 12, 44, 8, 14, 12, 30, 14, 34];
const HEADER_ROW = 3;

/**
 * Writes the register as XLSX to `out` with exceljs's streaming writer: each row is
 * committed as it comes, so a national register never sits in memory. An empty year
 * still gives the title and the heading.
 */
export async function writeRegisterXlsx(
  out: Writable,
  meta: { year: number; unitName: string },
  batches: AsyncIterable<CertificateRegisterRow[]>,
  onRows: (n: number) => Promise<void>,
): Promise<void> {
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'dx-academy';
  const ws = wb.addWorksheet(`Năm ${meta.year}`, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  WIDTHS.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const title = ws.getRow(1);
  title.getCell(1).value = registerTitle(meta.year);
  title.font = { bold: true, size: 14 };
  title.commit();
  const unit = ws.getRow(2);
  unit.getCell(1).value = `Đơn vị: ${meta.unitName}`;
  unit.commit();
  const header = ws.getRow(HEADER_ROW);
  header.values = [...REGISTER_HEADERS];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();

  let n = 0;
  for await (const rows of batches) {
    for (const r of rows) ws.addRow(registerCells(r, ++n)).commit();
    await onRows(rows.length);
  }
  ws.commit();
  await wb.commit();
}
