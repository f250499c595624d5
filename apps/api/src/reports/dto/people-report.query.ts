import {
  CSV_SEPARATORS,
  PEOPLE_REPORT_FORMATS,
  PEOPLE_REPORT_STATUSES,
  REQUIREMENT_DX_ROLES,
  type CsvSeparator,
  type PeopleReportFormat,
  type PeopleReportStatus,
  type RequirementDxRole,
  type PeopleReportListQuery,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

/** `GET /api/reports/people?orgUnitId=&year=&status=&dxRole=&format=&page=&pageSize=` */
export class PeopleReportQueryDto extends PageQueryDto implements PeopleReportListQuery {
  @ApiProperty()
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({ example: 2026, description: 'Default: this year (as of today)' })
  @IsOptional()
  @Type(() => Number)
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

  @ApiPropertyOptional({ enum: PEOPLE_REPORT_FORMATS, description: 'Every row as a file' })
  @IsOptional()
  @IsIn(PEOPLE_REPORT_FORMATS)
  format?: PeopleReportFormat;

  @ApiPropertyOptional({
    enum: CSV_SEPARATORS,
    default: ',',
    description: "With format=csv only: ';' writes decimal commas, as Excel in Vietnamese expects",
  })
  @IsOptional()
  @IsIn(CSV_SEPARATORS, { message: `separator must be one of ${CSV_SEPARATORS.join(' ')}` })
  separator?: CsvSeparator;
}
