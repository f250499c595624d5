import {
  QUEUE_JOB_LIST_STATES,
  type QueueJobListQuery,
  type QueueJobListState,
} from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class QueueJobsQuery extends PageQueryDto implements QueueJobListQuery {
  @ApiPropertyOptional({ enum: QUEUE_JOB_LIST_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(QUEUE_JOB_LIST_STATES)
  state: QueueJobListState = 'failed';
}
