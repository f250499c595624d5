import {
  ApplyScheduledMergesJobData,
  ApplyScheduledMergesResult,
  JobName,
  PingJobResult,
  QueueName,
} from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { hostname } from 'node:os';
import { ScheduledMergesService } from '../org-units/scheduled-merges.service';

/**
 * Diagnostics (a ping proves the round trip API → Redis → worker → Redis) and the daily
 * housekeeping of the org tree (scheduled merges).
 */
@Processor(QueueName.System, { concurrency: 4 })
export class SystemProcessor extends JobDispatcher {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(private readonly merges: ScheduledMergesService) {
    super();
  }

  @JobHandler(JobName.Ping)
  async ping(): Promise<PingJobResult> {
    return {
      pong: true,
      worker: `${hostname()}:${process.pid}`,
      processedAt: new Date().toISOString(),
    };
  }

  @JobHandler(JobName.ApplyScheduledMerges)
  async applyScheduledMerges(job: Job<ApplyScheduledMergesJobData>): Promise<ApplyScheduledMergesResult> {
    return this.merges.applyDue(job.data.today ?? this.merges.today());
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`Job ${job?.name}#${job?.id} failed: ${err.message}`);
  }

  // Without a listener, an 'error' event (e.g. Redis gone) would crash the process.
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Worker error: ${err.message}`);
  }
}
