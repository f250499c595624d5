import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, QueueName } from '@dx/contracts';
import { NotificationsService } from '@dx/db';
import { QUEUE_FAILURES_SQL } from '@dx/reports';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

export const ALL_QUEUES = Symbol('ALL_QUEUES');

/** Every queue of `QueueName`, for looking at their failed sets. */
export const ALL_QUEUES_PROVIDER: Provider = {
  provide: ALL_QUEUES,
  useFactory: (...queues: Queue[]) => queues,
  inject: Object.values(QueueName).map((name) => getQueueToken(name)),
};

export interface QueueFailuresOutcome {
  /** The calendar day (TZ_REPORTS) whose failures were counted: the day before the run. */
  day: string;
  failed: Record<string, number>;
  notified: number;
}

/** Failed jobs are read newest first, this many per Redis round trip. */
const PAGE = 500;

/**
 * The sysadmins' daily notice of background jobs that failed for good (retries spent) on
 * the previous day, per queue. Keyed by the run's date, so a repeated run tells once; no
 * notice when nothing failed. The day is the job's date input, not the system clock.
 */
@Injectable()
export class QueueFailuresNotifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
  ) {}

  async run(today: string): Promise<QueueFailuresOutcome> {
    const day = previousDay(today);
    const failed: Record<string, number> = {};
    for (const queue of this.queues) {
      const n = await this.failedOn(queue, day);
      if (n > 0) failed[queue.name] = n;
    }
    const total = Object.values(failed).reduce((a, b) => a + b, 0);
    const summary = Object.entries(failed)
      .map(([name, n]) => `${name}: ${n}`)
      .join(', ');
    const { notified } = await this.db.transaction((tx) =>
      this.notifications.notifyMany(tx, {
        type: 'queue-failures',
        sql: QUEUE_FAILURES_SQL,
        params: [today, total, summary],
      }),
    );
    return { day, failed, notified };
  }

  /** Jobs of `queue` that failed on `day`: the failed set is ordered by when they failed. */
  private async failedOn(queue: Queue, day: string): Promise<number> {
    const tz = this.config.reportsTimeZone;
    let count = 0;
    for (let start = 0; ; start += PAGE) {
      const jobs = await queue.getFailed(start, start + PAGE - 1);
      for (const job of jobs) {
        if (job?.finishedOn && calendarDate(tz, new Date(job.finishedOn)) === day) count += 1;
      }
      const oldest = jobs.at(-1)?.finishedOn;
      const olderThanDay = oldest !== undefined && calendarDate(tz, new Date(oldest)) < day;
      if (jobs.length < PAGE || olderThanDay) return count;
    }
  }
}

function previousDay(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
