import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  DAILY_REMINDERS_SCHEDULER_ID,
  DailyRemindersJobData,
  NotificationJob,
  QueueName,
} from '@dx/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** 07:00:00 every day (seconds first), in TZ_REPORTS: reminders arrive with the workday. */
export const DAILY_REMINDERS_PATTERN = '0 0 7 * * *';

/**
 * Registers the daily reminder run as a BullMQ job scheduler: it lives in Redis (survives
 * restarts), and `upsert` makes every worker's registration the same single scheduler, so
 * several workers produce one run a day.
 */
@Injectable()
export class RemindersScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersScheduleService.name);
  /** Settles once Redis has the scheduler (tests wait on it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue<DailyRemindersJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis away the command waits for it, and the worker must still start.
    this.registration = this.queue
      .upsertJobScheduler(
        DAILY_REMINDERS_SCHEDULER_ID,
        { pattern: DAILY_REMINDERS_PATTERN, tz: this.config.reportsTimeZone },
        {
          name: NotificationJob.DailyReminders,
          data: {},
          opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
        },
      )
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Daily reminders schedule not registered: ${err.message}`),
      );
  }
}
