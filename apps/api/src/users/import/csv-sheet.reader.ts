import { CsvError, parse } from 'csv-parse/sync';
import { invalidFile, isBlank, MAX_IMPORT_ROWS, RawRow, tooManyRows } from './user-sheet';

const UTF8 = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM

/**
 * Reads CSV text. Row numbers count every record, blank ones included, so they match
 * the row numbers Excel shows when it opens the same file.
 */
export function readCsvSheet(file: Buffer): RawRow[] {
  const text = decodeUtf8(file);
  if (!text.trim()) throw invalidFile('file_empty', 'the file is empty');
  const rows: RawRow[] = [];
  try {
    parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      on_record: (record: string[], context) => {
        const cells = record.map((c) => c.trim());
        if (isBlank(cells)) return null;
        // Header plus the allowed data rows; stop reading as soon as the file is too long.
        if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
        rows.push({ row: context.records, cells });
        return null;
      },
    });
  } catch (err) {
    if (err instanceof CsvError)
      throw invalidFile('file_unreadable', `is not valid CSV: ${err.message}`);
    throw err;
  }
  return rows;
}

function decodeUtf8(file: Buffer): string {
  if (
    file.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ||
    file.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))
  ) {
    throw invalidFile('file_save_as_utf8', 'is UTF-16 text; save it as "CSV UTF-8" or XLSX');
  }
  if (file.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw invalidFile(
      'file_save_as_utf8',
      'is an old .xls workbook; save it as XLSX or "CSV UTF-8"',
    );
  }
  let text: string;
  try {
    text = UTF8.decode(file);
  } catch {
    throw invalidFile('file_unreadable', 'is neither an XLSX workbook nor UTF-8 CSV text');
  }
  // Valid UTF-8 can still be binary: text files have no NUL characters.
  if (text.includes('\u0000'))
    throw invalidFile('file_unreadable', 'is neither an XLSX workbook nor UTF-8 CSV text');
  return text;
}

/** Excel writes ";" instead of "," where the decimal separator is a comma (vi-VN among them). */
function guessDelimiter(text: string): string {
  const start = text.trimStart();
  const firstLine = start.slice(0, start.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best));
}
