import type { QueueJobListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export const JOB_STATES = ['failed', 'waiting', 'active', 'delayed', 'completed'] as const;

export class QueueJobsQuery extends PageQueryDto implements QueueJobListQuery {
  @ApiPropertyOptional({ enum: JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(JOB_STATES)
  state: (typeof JOB_STATES)[number] = 'failed';
}
