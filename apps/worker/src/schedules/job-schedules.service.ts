import { APP_CONFIG, AppConfig } from '@dx/config';
import { JOB_QUEUE } from '@dx/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { JOB_SCHEDULES, JobSchedule } from './job-schedules';

/**
 * Registers every job of `JOB_SCHEDULES` as a BullMQ job scheduler in TZ_REPORTS: it lives
 * in Redis (survives restarts), and `upsert` under the schedule's fixed id makes every
 * worker's registration the same single scheduler, so several workers produce one run.
 */
@Injectable()
export class JobSchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedulesService.name);
  /** Settles once Redis has every scheduler, or each failure was logged (tests wait on it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis away the commands wait for it, and the worker must still start.
    this.registration = Promise.all(JOB_SCHEDULES.map((s) => this.register(s))).then(
      () => undefined,
    );
  }

  private register(schedule: JobSchedule): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[schedule.job]), {
      strict: false,
    });
    return queue
      .upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern, tz: this.config.reportsTimeZone },
        { name: schedule.job, data: {}, opts: schedule.opts },
      )
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Schedule ${schedule.id} not registered: ${err.message}`),
      );
  }
}
