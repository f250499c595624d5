import type { TrainingYearQuery, RequirementListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

/** `?year=` (default: this year in TZ_REPORTS). */
export class YearQueryDto implements TrainingYearQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** `GET /api/requirements?year=&orgUnitId=&page=&pageSize=`. */
export class RequirementsQueryDto extends PageQueryDto implements RequirementListQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Requirements on this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}
