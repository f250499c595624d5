import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  REPORTS_QUEUE,
  ReportJob,
  YEARLY_COVERAGE_SCHEDULER_ID,
  YearlyCoverageJobData,
} from '@dx/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** 00:05:00 on 1 January (seconds first), in TZ_REPORTS. */
export const YEARLY_COVERAGE_PATTERN = '0 5 0 1 1 *';

/**
 * Registers the job scheduler that, each 1 January, asks for the previous year's official
 * reports. `upsert` makes every worker's registration the same single scheduler, however
 * many workers start.
 */
@Injectable()
export class CoverageScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CoverageScheduleService.name);
  /** Settles once Redis has the scheduler (tests wait on it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<YearlyCoverageJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis away the command waits for it, and the worker must still start.
    this.registration = this.queue
      .upsertJobScheduler(
        YEARLY_COVERAGE_SCHEDULER_ID,
        { pattern: YEARLY_COVERAGE_PATTERN, tz: this.config.reportsTimeZone },
        { name: ReportJob.YearlyNationalCoverage, data: {} },
      )
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Yearly coverage schedule not registered: ${err.message}`),
      );
  }
}
