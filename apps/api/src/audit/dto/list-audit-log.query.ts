import type { AuditLogListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListAuditLogQuery extends PageQueryDto implements AuditLogListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries of this actor' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'user.created', description: 'Exact action name' })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action must look like "user.created"' })
  action?: string;

  @ApiPropertyOptional({ example: 'user', description: 'Kind of the target (with targetId)' })
  @IsOptional()
  @MaxLength(32)
  @Matches(/^[a-z_]+$/, { message: 'targetType must be lower-case letters and "_"' })
  targetType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetId?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'From this instant or date (inclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-02-01T00:00:00+07:00',
    description: 'Before this instant or date (exclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
