import {
  DX_ROLES,
  DxRole,
  fieldCodeOfConstraint,
  FieldErrorCode,
  ImportRowError,
} from '@dx/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DATE_PATTERN } from '../dto/create-user.dto';
import { ImportUserRowDto } from '../dto/import-user-row.dto';
import { CellValue, ImportColumn, SheetRow } from './user-sheet';

export interface ParsedUserRow {
  row: number;
  value: ImportUserRowDto;
  errors: ImportRowError[];
}

/** Accent- and case-insensitive form of a label: "Chuyên Trách" → "chuyen trach". */
function fold(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** How Vietnamese staff lists name the DX roles, besides the API's own values. */
const DX_ROLE_LABELS = new Map<string, DxRole>([
  ...DX_ROLES.map((role): [string, DxRole] => [fold(role), role]),
  [fold('chuyên trách'), 'full_time'],
  [fold('kiêm nhiệm'), 'part_time'],
  [fold('không'), 'none'],
]);

/** Refusals that name the extra forms a spreadsheet may use. */
const IMPORT_REFUSALS: Partial<Record<ImportColumn, { code: FieldErrorCode; message: string }>> = {
  dateOfBirth: {
    code: 'import_date_of_birth',
    message: 'dateOfBirth must be a real date written YYYY-MM-DD or dd/mm/yyyy',
  },
  dxRole: {
    code: 'import_dx_role',
    message:
      'dxRole must be full_time, part_time or none ("chuyên trách", "kiêm nhiệm" or "không")',
  },
};

/**
 * Brings a row's cells to the API's forms (dd/mm/yyyy and date cells → YYYY-MM-DD,
 * Vietnamese DX-role labels → values) and validates them with the rules of
 * ImportUserRowDto. Empty cells count as absent.
 */
export async function parseUserRow({ row, cells }: SheetRow): Promise<ParsedUserRow> {
  const input: Partial<Record<ImportColumn, string>> = {};
  for (const [column, cell] of Object.entries(cells) as [ImportColumn, CellValue][]) {
    if (cell !== '') input[column] = toInput(column, cell);
  }
  const value = plainToInstance(ImportUserRowDto, input);
  const failures = await validate(value, { stopAtFirstError: true, forbidUnknownValues: true });
  const errors = failures.map(({ property, constraints }): ImportRowError => {
    const column = property as ImportColumn;
    if (cells[column] === '')
      return { row, field: column, code: 'is_not_empty', message: `${column} is required` };
    const refusal = IMPORT_REFUSALS[column];
    if (refusal) return { row, field: column, ...refusal };
    // class-validator's first constraint gives the code, as for a JSON body.
    const [name, message] = Object.entries(constraints ?? {})[0] ?? ['', `${column} is invalid`];
    return { row, field: column, code: fieldCodeOfConstraint(name), message };
  });
  return { row, value, errors };
}

function toInput(column: ImportColumn, cell: CellValue): string {
  if (column === 'dateOfBirth') return toIsoDate(cell);
  const text = cell instanceof Date ? isoDate(cell) : cell;
  return column === 'dxRole' ? (DX_ROLE_LABELS.get(fold(text)) ?? text) : text;
}

function toIsoDate(cell: CellValue): string {
  if (cell instanceof Date) return isoDate(cell);
  if (DATE_PATTERN.test(cell)) return cell;
  // Vietnamese sheets write day first: 17/05/1990. An impossible date fails validation.
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : cell;
}

/** A spreadsheet date is a calendar day stored as UTC midnight (give or take float noise). */
function isoDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return 'invalid date';
  return new Date(Math.round(ms / 60_000) * 60_000).toISOString().slice(0, 10);
}
