import type { CsvSeparator, PeopleReportRow } from '@dx/contracts';
import { stringify } from 'csv-stringify/sync';
import { stream, Workbook } from 'exceljs';
import type { Writable } from 'node:stream';

export const PEOPLE_HEADERS = [
  'Tên đăng nhập',
  'Họ và tên',
  'Đơn vị',
  'Vị trí CĐS',
  'Số giờ đã học',
  'Số giờ yêu cầu',
  'Đạt yêu cầu',
  'Đã được bồi dưỡng',
  'Ngày hoàn thành gần nhất',
] as const;

const WIDTHS = [18, 30, 36, 14, 12, 12, 12, 14, 16];

const DX_ROLE_NAMES: Record<string, string> = {
  full_time: 'Chuyên trách',
  part_time: 'Kiêm nhiệm',
  none: 'Không',
};

/** dd/MM/yyyy, as Vietnamese offices write dates. */
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const yesNo = (v: boolean) => (v ? 'Có' : 'Chưa');

/**
 * One person's cells. `decimalComma`: hours as `2,5` (the `;` CSV, for Excel in
 * Vietnamese, which reads `2.5` as text); a number otherwise.
 */
function cells(r: PeopleReportRow, decimalComma = false): (string | number)[] {
  const num = (n: number): number | string => (decimalComma ? String(n).replace('.', ',') : n);
  return [
    r.username,
    r.fullName,
    r.orgUnitName,
    DX_ROLE_NAMES[r.dxRole] ?? r.dxRole,
    num(r.hoursEarned),
    r.requiredHours === null ? '' : num(r.requiredHours),
    yesNo(r.requirementMet),
    yesNo(r.trained),
    vnDate(r.lastCompletedOn),
  ];
}

/** The csv-stringify options of a people CSV with this separator (CRLF records). */
const csvOptions = (separator: CsvSeparator) => ({
  record_delimiter: 'windows' as const,
  delimiter: separator,
});

/**
 * UTF-8 with a BOM and CRLF records, like the coverage CSV; `;` separates fields with
 * decimal commas (Excel in Vietnamese), `,` (default) with decimal points.
 */
export function renderPeopleCsv(rows: PeopleReportRow[], separator: CsvSeparator = ','): Buffer {
  const comma = separator === ';';
  return Buffer.from(
    stringify([[...PEOPLE_HEADERS], ...rows.map((r) => cells(r, comma))], {
      bom: true,
      ...csvOptions(separator),
    }),
    'utf8',
  );
}

/** One sheet: title, bold frozen heading with a filter, one row per person. */
export async function renderPeopleXlsx(rows: PeopleReportRow[], title: string): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'dx-academy';
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 2 }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, PEOPLE_HEADERS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  header.values = [...PEOPLE_HEADERS];
  header.font = { bold: true };
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: PEOPLE_HEADERS.length } };
  for (const r of rows) ws.addRow(cells(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The same CSV as `renderPeopleCsv`, written batch by batch to `out` (worker exports of a
 * whole province): BOM and heading first, then each batch's records as they come.
 */
export async function writePeopleCsv(
  out: Writable,
  batches: AsyncIterable<PeopleReportRow[]>,
  onRows: (n: number) => Promise<void>,
  separator: CsvSeparator = ',',
): Promise<void> {
  const comma = separator === ';';
  await write(out, stringify([[...PEOPLE_HEADERS]], { bom: true, ...csvOptions(separator) }));
  for await (const rows of batches) {
    await write(
      out,
      stringify(
        rows.map((r) => cells(r, comma)),
        csvOptions(separator),
      ),
    );
    await onRows(rows.length);
  }
}

/** The same sheet as `renderPeopleXlsx`, through exceljs's streaming writer (rows committed as they come). */
export async function writePeopleXlsx(
  out: Writable,
  title: string,
  batches: AsyncIterable<PeopleReportRow[]>,
  onRows: (n: number) => Promise<void>,
): Promise<void> {
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'dx-academy';
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 2 }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, PEOPLE_HEADERS.length);
  const head = ws.getRow(1);
  head.getCell(1).value = title;
  head.getCell(1).font = { bold: true, size: 13 };
  head.commit();
  const header = ws.getRow(2);
  header.values = [...PEOPLE_HEADERS];
  header.font = { bold: true };
  header.commit();
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: PEOPLE_HEADERS.length } };
  for await (const rows of batches) {
    for (const r of rows) ws.addRow(cells(r)).commit();
    await onRows(rows.length);
  }
  ws.commit();
  await wb.commit();
}

/** The sheet's title, as the synchronous export writes it. */
export function peopleSheetTitle(status: string, year: number, unitName: string): string {
  return `Danh sách ${status === 'untrained' ? 'chưa được bồi dưỡng' : 'cán bộ CĐS'} năm ${year} — ${unitName}`;
}

/** Writes honouring back-pressure, so a slow store never makes the worker buffer the file. */
function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, 'utf8', (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}
