import {
  CSV_SEPARATORS,
  PEOPLE_REPORT_FORMATS,
  PEOPLE_REPORT_STATUSES,
  REQUIREMENT_DX_ROLES,
  type CsvSeparator,
  type PeopleExportRequest,
  type PeopleExportStatus,
  type PeopleReportFormat,
  type PeopleReportStatus,
  type RequirementDxRole,
  type JobAccepted,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `POST /api/reports/people/exports`: the filters of `GET /api/reports/people`, and a format. */
export class RequestPeopleExportDto implements PeopleExportRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({ example: 2026, description: 'Default: this year (as of today)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PEOPLE_REPORT_STATUSES, default: 'all' })
  @IsOptional()
  @IsIn(PEOPLE_REPORT_STATUSES)
  status: PeopleReportStatus = 'all';

  @ApiPropertyOptional({ enum: REQUIREMENT_DX_ROLES })
  @IsOptional()
  @IsIn(REQUIREMENT_DX_ROLES)
  dxRole?: RequirementDxRole;

  @ApiProperty({ enum: PEOPLE_REPORT_FORMATS })
  @IsIn(PEOPLE_REPORT_FORMATS)
  format: PeopleReportFormat;

  @ApiPropertyOptional({
    enum: CSV_SEPARATORS,
    default: ',',
    description:
      "CSV only (400 with xlsx): ';' writes decimal commas, as Excel in Vietnamese expects",
  })
  @IsOptional()
  @IsIn(CSV_SEPARATORS, { message: `separator must be one of ${CSV_SEPARATORS.join(' ')}` })
  separator?: CsvSeparator;
}

export class PeopleExportAcceptedDto implements JobAccepted {
  @ApiProperty({ example: 'people-export-6f1c0c1e-6a5e-4f0e-9d43-3b8f8c7c2a10' })
  jobId: string;
}

export class PeopleExportStatusDto implements PeopleExportStatus {
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed'] })
  state: PeopleExportStatus['state'];
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ description: 'People written so far' }) done: number;
  @ApiPropertyOptional({ description: 'People to write, once counted' }) total?: number;
  @ApiPropertyOptional({ description: 'Once completed: the file (API path, bearer token)' })
  downloadUrl?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the file is deleted' })
  expiresAt?: string;
  @ApiPropertyOptional() error?: string;
}
