import {
  type ErrorParams,
  type FieldError,
  type FieldErrorCode,
  USER_IMPORT_COLUMNS,
  USER_IMPORT_REQUIRED_COLUMNS,
  type UserImportColumn,
} from '@dx/contracts';
import { InvalidInputException } from '../../http/invalid-input';

/** The columns of an import sheet: the contract's list, which the web's template is built from. */
export const IMPORT_COLUMNS = USER_IMPORT_COLUMNS;
export type ImportColumn = UserImportColumn;
export const REQUIRED_COLUMNS = USER_IMPORT_REQUIRED_COLUMNS;

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/** A trimmed cell: text, or a date from a spreadsheet date cell; '' when empty. */
export type CellValue = string | Date;

/** A non-blank record of the file, numbered as a spreadsheet shows it. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

export interface SheetRow {
  row: number;
  cells: Partial<Record<ImportColumn, CellValue>>;
}

export interface UserSheet {
  columns: ReadonlySet<ImportColumn>;
  rows: SheetRow[];
}

/** A refused import file: `code` says why (in the web's words), `message` in English for logs. */
export function invalidFile(
  code: FieldErrorCode,
  message: string,
  params?: ErrorParams,
): InvalidInputException {
  return new InvalidInputException(
    [{ field: 'file', code, message, ...(params && { params }) }],
    `Invalid file: ${message}`,
  );
}

export function tooManyRows(): InvalidInputException {
  return invalidFile(
    'file_too_many_rows',
    `has more than ${MAX_IMPORT_ROWS} data rows; split it into several files`,
    { max: MAX_IMPORT_ROWS },
  );
}

export function isBlank(cells: CellValue[]): boolean {
  return cells.every((c) => c === '');
}

/**
 * Turns the first non-blank record into the column map (names matched case-insensitively,
 * any order) and the rest into rows. Unknown, repeated or missing columns refuse the
 * whole file: guessing what a column means would write the wrong data.
 */
export function toUserSheet(records: RawRow[]): UserSheet {
  const [header, ...data] = records;
  if (!header) throw invalidFile('file_empty', 'the file is empty');
  const byName = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const index = new Map<ImportColumn, number>();
  const errors: FieldError[] = [];
  header.cells.forEach((cell, i) => {
    const name = String(cell).trim();
    if (!name) return;
    const column = byName.get(name.toLowerCase());
    if (!column) errors.push({ field: name, code: 'unknown_column', message: 'unknown column' });
    else if (index.has(column))
      errors.push({
        field: name,
        code: 'repeated_column',
        message: 'column appears more than once',
      });
    else index.set(column, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column))
      errors.push({ field: column, code: 'missing_column', message: 'required column is missing' });
  }
  if (errors.length) {
    const list = errors.map((e) => `${e.field} (${e.message})`).join(', ');
    throw new InvalidInputException(
      errors,
      `Invalid header row: ${list}. Expected columns: ${IMPORT_COLUMNS.join(', ')}`,
    );
  }
  const rows = data.map(({ row, cells }) => {
    const picked: SheetRow['cells'] = {};
    for (const [column, i] of index) picked[column] = cells[i] ?? '';
    return { row, cells: picked };
  });
  return { columns: new Set(index.keys()), rows };
}
