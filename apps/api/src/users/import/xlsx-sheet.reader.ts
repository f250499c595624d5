import { CellValue as ExcelCellValue, Workbook } from 'exceljs';
import {
  CellValue,
  invalidFile,
  isBlank,
  MAX_IMPORT_ROWS,
  RawRow,
  tooManyRows,
} from './user-sheet';
import { readZipDirectory } from '../../http/zip-directory';

/** Far above what 20,000 rows of seven columns unzip to (a few MB), far below trouble. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Reads the first worksheet of an XLSX workbook; row numbers are the sheet's own. */
export async function readXlsxSheet(file: Buffer): Promise<RawRow[]> {
  // Declared sizes, checked before exceljs unzips the workbook in memory, so a small upload
  // cannot expand into gigabytes (a "zip bomb").
  const entries = await readZipDirectory(file);
  if (entries === null) throw invalidFile('file_unreadable', 'is not a readable XLSX workbook');
  const unzipped = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unzipped > MAX_UNZIPPED_BYTES)
    throw invalidFile('file_unpacks_too_large', 'unpacks to too much data for one import');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw invalidFile('file_unreadable', 'is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidFile('file_empty', 'the workbook has no worksheet');
  // Header plus the allowed data rows (counting only rows that hold something).
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: RawRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = toCellValue(cell.value, cell.text);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (!isBlank(filled)) rows.push({ row: rowNumber, cells: filled });
  });
  return rows;
}

function toCellValue(value: ExcelCellValue, text: string): CellValue {
  if (value instanceof Date) return value;
  // A formula whose result is a date (e.g. =DATE(1990;5;17)).
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date)
    return value.result;
  // Everything else as the sheet displays it: rich text, hyperlinks (e-mail), numbers.
  return (text ?? '').trim();
}
