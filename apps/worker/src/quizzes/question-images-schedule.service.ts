import {
  CleanQuestionImagesJobData,
  QueueName,
  QUESTION_IMAGES_CLEANUP_SCHEDULER_ID,
  SystemJob,
} from '@dx/contracts';
import { APP_CONFIG, AppConfig } from '@dx/config';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** 03:20:00 every day (seconds first) in TZ_REPORTS: a quiet hour, away from the midnight jobs. */
export const QUESTION_IMAGES_CLEANUP_PATTERN = '0 20 3 * * *';

/** Registers the daily clean-up of unused question images as one BullMQ job scheduler. */
@Injectable()
export class QuestionImagesScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(QuestionImagesScheduleService.name);
  /** Settles once Redis has the scheduler (tests wait on it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue<CleanQuestionImagesJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis away the command waits for it, and the worker must still start.
    this.registration = this.queue
      .upsertJobScheduler(
        QUESTION_IMAGES_CLEANUP_SCHEDULER_ID,
        { pattern: QUESTION_IMAGES_CLEANUP_PATTERN, tz: this.config.reportsTimeZone },
        { name: SystemJob.CleanQuestionImages, data: {}, opts: { attempts: 3 } },
      )
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Question image clean-up not registered: ${err.message}`),
      );
  }
}
