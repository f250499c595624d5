import type { ErrorParams, FieldErrorCode, ImportRowError, UserImportResult } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI description of the multipart body; the file itself is read by multer. */
export class ImportUsersFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'CSV (UTF-8, header row) or XLSX (first worksheet, header row), at most 5 MB and 20,000 rows. ' +
      'Columns, in any order and any letter case: username, fullName, email, dateOfBirth, nationalId, ' +
      'orgUnitCode, jobTitle, dxRole. email, dateOfBirth, nationalId (12-digit CCCD, unique) and ' +
      'jobTitle may be left out.',
  })
  file: unknown;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({
    example: 3,
    description: 'Row number as a spreadsheet shows it (the header is row 1)',
  })
  row: number;

  @ApiProperty({ example: 'dateOfBirth' })
  field: string;

  @ApiProperty({
    type: String,
    example: 'import_date_of_birth',
    description: 'FieldErrorCode, for translations',
  })
  code: FieldErrorCode;

  @ApiProperty({
    example: 'dateOfBirth must be YYYY-MM-DD or dd/mm/yyyy',
    description: 'English, for logs',
  })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { firstRow: 2 },
    description: 'Values the sentence of `code` names',
  })
  params?: ErrorParams;
}

export class UserImportResultDto implements UserImportResult {
  @ApiProperty({ example: 12 })
  created: number;

  @ApiProperty({ example: 3, description: 'Existing people whose stored data changed' })
  updated: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'Rows not saved, and why' })
  errors: ImportRowErrorDto[];
}
