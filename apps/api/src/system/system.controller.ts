import { JobState, PingJobData, PingJobResult, QueueName, SystemJob } from '@dx/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';

export interface PingJobStatus {
  state: JobState;
  result?: PingJobResult;
  error?: string;
}

/**
 * Diagnostics for operators: a ping travels API → Redis → worker and back.
 *
 * The one job added to BullMQ directly, not through the outbox (docs/architecture.md, "The
 * job flow"): it decides nothing and changes no row, and what it tests is this very path —
 * the API reaching Redis. Through the outbox it would prove only that the worker's relay
 * works, and a Redis outage would pass unnoticed until the relay caught up.
 */
@ApiTags('system')
@ApiBearerAuth()
@Roles('sysadmin')
@Controller('system')
export class SystemController {
  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue<PingJobData, PingJobResult>,
  ) {}

  @Post('ping')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Queue a ping for the worker (sysadmin); poll its job for the answer' })
  async ping(@CurrentUser() user: AuthUser): Promise<{ jobId: string }> {
    const jobId = randomUUID();
    // Direct on purpose (see above): a failure here is the answer the operator asked for.
    await this.queue.add(
      SystemJob.Ping,
      { requestedBy: user.username, requestedAt: new Date().toISOString() },
      { jobId },
    );
    return { jobId };
  }

  @Get('ping/:jobId')
  @ApiOperation({
    summary: 'State of a ping job, with the worker’s answer once completed; 404 when unknown',
  })
  async status(@Param('jobId', uuidParam('jobId')) jobId: string): Promise<PingJobStatus> {
    const job = await this.queue.getJob(jobId);
    const state = job?.name === SystemJob.Ping ? await job.getState() : 'unknown';
    if (!job || state === 'unknown') throw new NotFoundException('No such ping job');
    switch (state) {
      case 'completed':
        return { state, result: job.returnvalue };
      case 'failed':
        return { state, error: job.failedReason };
      case 'active':
        return { state };
      default:
        // delayed (a retry after a failure), prioritized, waiting-children: not started yet.
        return { state: 'waiting' };
    }
  }
}
