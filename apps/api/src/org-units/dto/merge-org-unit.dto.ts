import type { MergeOrgUnitRequest } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsUUID, Matches } from 'class-validator';

export class MergeOrgUnitDto implements MergeOrgUnitRequest {
  @ApiProperty({ format: 'uuid', description: 'The unit that takes over people and children' })
  @IsUUID()
  targetId: string;

  @ApiProperty({ example: '2025-07-01', description: 'First day the unit no longer exists' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be YYYY-MM-DD' })
  effectiveDate: string;
}
