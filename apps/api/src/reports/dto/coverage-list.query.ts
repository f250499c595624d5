import { FIRST_REPORT_YEAR, type CoverageListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `GET /api/reports/coverage?orgUnitId=&year=` */
export class CoverageListQueryDto implements CoverageListQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Reports on this unit, and official reports with a row for it',
  })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ example: 2025, minimum: FIRST_REPORT_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  @Max(2100)
  year?: number;
}
