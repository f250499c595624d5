import { APP_CONFIG, AppConfig } from '@dx/config';
import { PURGE_EXPIRED_FILES_SCHEDULER_ID, QueueName, SystemJob } from '@dx/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** 03:15 every day (seconds first), in TZ_REPORTS: a quiet hour for storage deletes. */
export const PURGE_EXPIRED_FILES_PATTERN = '0 15 3 * * *';

/**
 * Registers the daily purge of expired files as a BullMQ job scheduler: it lives in Redis
 * (survives restarts), and `upsert` makes every worker's registration the same scheduler.
 */
@Injectable()
export class ExpiredFilesScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExpiredFilesScheduleService.name);
  /** Settles once Redis has the scheduler (tests wait on it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis away the command waits for it, and the worker must still start.
    this.registration = this.queue
      .upsertJobScheduler(
        PURGE_EXPIRED_FILES_SCHEDULER_ID,
        { pattern: PURGE_EXPIRED_FILES_PATTERN, tz: this.config.reportsTimeZone },
        {
          name: SystemJob.PurgeExpiredFiles,
          data: {},
          opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
        },
      )
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Expired files purge not registered: ${err.message}`),
      );
  }
}
