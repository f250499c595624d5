import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  ApplyScheduledMergesJobData,
  QueueName,
  SCHEDULED_MERGES_SCHEDULER_ID,
  SystemJob,
} from '@dx/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * 00:00:30 every day (seconds first), in TZ_REPORTS: a merge takes effect at the start of
 * its day, so the tree HR sees that morning is the new one.
 */
export const SCHEDULED_MERGES_PATTERN = '30 0 0 * * *';

/**
 * Registers the daily merge run as a BullMQ job scheduler: it lives in Redis (survives
 * restarts), and `upsert` makes every worker's registration the same single scheduler.
 */
@Injectable()
export class MergesScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MergesScheduleService.name);
  /** Settles once Redis has the scheduler (tests wait on it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue<ApplyScheduledMergesJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis away the command waits for it, and the worker must still start.
    this.registration = this.queue
      .upsertJobScheduler(
        SCHEDULED_MERGES_SCHEDULER_ID,
        { pattern: SCHEDULED_MERGES_PATTERN, tz: this.config.reportsTimeZone },
        {
          name: SystemJob.ApplyScheduledMerges,
          data: {},
          opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
        },
      )
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Scheduled merges run not registered: ${err.message}`),
      );
  }
}
