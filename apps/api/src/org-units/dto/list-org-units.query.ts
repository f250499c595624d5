import type { OrgUnitListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListOrgUnitsQuery extends PageQueryDto implements OrgUnitListQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Children of this unit; omitted: the top of your scope',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Include units closed by a merge' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeClosed?: boolean;
}
