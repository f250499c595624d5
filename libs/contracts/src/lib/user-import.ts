import type { DxRole } from './roles';

/** The columns of a people import sheet (header names, matched case-insensitively). */
export const USER_IMPORT_COLUMNS = [
  'username',
  'fullName',
  'email',
  'dateOfBirth',
  'nationalId',
  'orgUnitCode',
  'jobTitle',
  'dxRole',
] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];

/** The others may be left out: their stored values are then kept. */
export const USER_IMPORT_REQUIRED_COLUMNS: readonly UserImportColumn[] = [
  'username',
  'fullName',
  'orgUnitCode',
  'dxRole',
];

/** One example row of the downloadable template, in the forms the import accepts. */
const TEMPLATE_EXAMPLE: Record<UserImportColumn, string> = {
  username: 'nguyen.van.an',
  fullName: 'Nguyễn Văn Ấn',
  email: 'an.nguyen@example.gov.vn',
  dateOfBirth: '15/03/1990',
  // Optional (12 digits of the citizen ID card); left empty in the example.
  nationalId: '',
  orgUnitCode: 'SO-TTTT',
  jobTitle: 'Chuyên viên',
  dxRole: 'chuyên trách',
};

/**
 * The import template as CSV text: a BOM so Excel reads it as UTF-8 (Vietnamese diacritics),
 * the header row, one example row. Built from the column list so it cannot drift from the import.
 */
export function userImportTemplateCsv(): string {
  const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [
    USER_IMPORT_COLUMNS.join(','),
    USER_IMPORT_COLUMNS.map((c) => quote(TEMPLATE_EXAMPLE[c])).join(','),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One data row of an import sheet, as checked: the unit is named by its code. */
export interface UserImportRow {
  username: string;
  fullName: string;
  email?: string;
  dateOfBirth?: string;
  nationalId?: string;
  orgUnitCode: string;
  jobTitle?: string;
  dxRole: DxRole;
}
