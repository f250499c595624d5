import { PingJobData, PingJobResult, QueueName, SystemJob } from '@dx/contracts';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { hostname } from 'node:os';

/** Diagnostics: a ping proves the round trip API → Redis → worker → Redis. */
@Processor(QueueName.System, { concurrency: 4 })
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  async process(job: Job<PingJobData>): Promise<PingJobResult> {
    switch (job.name) {
      case SystemJob.Ping:
        return {
          pong: true,
          worker: `${hostname()}:${process.pid}`,
          processedAt: new Date().toISOString(),
        };
      default:
        // Unrecoverable: retrying a job nobody handles only hides the typo for longer.
        throw new UnrecoverableError(
          `No handler for job "${job.name}" on queue "${QueueName.System}"`,
        );
    }
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
