import type { UserListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListUsersQuery extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'People of this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ description: 'Part of the username or full name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
