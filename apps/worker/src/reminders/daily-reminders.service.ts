import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, NotificationType } from '@dx/contracts';
import { NotificationsService } from '@dx/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  HR_DIGEST_SQL,
  personBatchUpperBound,
  REMINDER_STAGES,
  REQUIREMENT_APPLIES_SQL,
  REQUIREMENT_OVERDUE_SQL,
  requirementDueSql,
} from '@dx/reports';

export interface DailyRemindersOutcome {
  today: string;
  batches: number;
  notified: number;
  mailed: number;
  digests: number;
  purged: number;
}

/** Overdue and reminders first: a reminder never comes in the run that announced. */
const DAILY_STATEMENTS: { type: NotificationType; sql: string }[] = [
  { type: 'requirement-overdue', sql: REQUIREMENT_OVERDUE_SQL },
  ...REMINDER_STAGES.map((stage) => ({
    type: 'requirement-due' as const,
    sql: requirementDueSql(stage),
  })),
  { type: 'requirement-applies', sql: REQUIREMENT_APPLIES_SQL },
];

/** People per batch: one transaction each, so a crash repeats at most one batch's work. */
export const REMINDER_BATCH_SIZE = 10_000;
/**
 * Batches in flight at once, each on its own connection. The statements are set-based but
 * each runs on one PostgreSQL core; two keep two cores busy on disjoint id ranges (nothing
 * to contend for but the right edge of the time-ordered indexes), and leave the rest of the
 * worker's pool (5) to the other queues.
 */
export const REMINDER_PARALLEL_BATCHES = 2;

/**
 * The daily run: requirement announcements and reminders, the HR weekly digest, and the
 * purge of notifications older than 12 months. Everything is set-based SQL over batches
 * of people (by id range), never a loop over people in Node; the (person, event) key
 * makes a repeated run, or two workers running at once, send nothing twice.
 */
@Injectable()
export class DailyRemindersService {
  private readonly logger = new Logger(DailyRemindersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return calendarDate(this.config.reportsTimeZone);
  }

  async run(
    today: string = this.today(),
    batchSize = REMINDER_BATCH_SIZE,
  ): Promise<DailyRemindersOutcome> {
    const outcome: DailyRemindersOutcome = {
      today,
      batches: 0,
      notified: 0,
      mailed: 0,
      digests: 0,
      purged: 0,
    };
    // The bounds come first (two index probes each), then the batches run two at a time.
    const ranges: [string | null, string | null][] = [];
    for (let lower: string | null = null; ;) {
      const upper = await this.batchUpperBound(lower, batchSize);
      ranges.push([lower, upper]);
      if (upper === null) break;
      lower = upper;
    }
    let next = 0;
    let failed = false;
    const runBatches = async () => {
      while (!failed && next < ranges.length) {
        const [lower, upper] = ranges[next++];
        await this.db.transaction(async (tx) => {
          for (const { type, sql } of DAILY_STATEMENTS) {
            const r = await this.notifications.notifyMany(tx, {
              type,
              sql,
              params: [today, lower, upper],
              yieldsRecipients: true,
            });
            outcome.notified += r.notified;
            outcome.mailed += r.mailed;
          }
        });
        outcome.batches += 1;
      }
    };
    // A failed batch (connection cut, worker shutting down) stops the run: the other runner
    // ends its batch and takes no more, and the run fails only then, so BullMQ's retry never
    // overlaps the rest of it. The retry resumes where it stopped: the committed batches'
    // people already have their (person, event) keys and are skipped.
    const settled = await Promise.allSettled(
      Array.from({ length: REMINDER_PARALLEL_BATCHES }, () =>
        runBatches().catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    const digest = await this.db.transaction((tx) =>
      this.notifications.notifyMany(tx, { type: 'hr-digest', sql: HR_DIGEST_SQL, params: [today] }),
    );
    outcome.digests = digest.notified;
    outcome.mailed += digest.mailed;
    outcome.purged = await this.purge(today);
    this.logger.log(`Reminders of ${today}: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  private batchUpperBound(lower: string | null, size: number): Promise<string | null> {
    return personBatchUpperBound(this.db, lower, size);
  }

  /** Notifications are kept 12 months. */
  private purge(today: string): Promise<number> {
    return this.notifications.purgeOlderThanYear(this.db, today);
  }
}
