import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, NotificationType } from '@dx/contracts';
import { NotificationsService } from '@dx/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HR_DIGEST_SQL } from './hr-digest.sql';
import {
  REMINDER_STAGES,
  REQUIREMENT_APPLIES_SQL,
  REQUIREMENT_OVERDUE_SQL,
  requirementDueSql,
} from './requirement-reminders.sql';

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
    let lower: string | null = null;
    for (;;) {
      const upper = await this.batchUpperBound(lower, batchSize);
      await this.db.transaction(async (tx) => {
        for (const { type, sql } of DAILY_STATEMENTS) {
          const r = await this.notifications.notifyMany(tx, {
            type,
            sql,
            params: [today, lower, upper],
          });
          outcome.notified += r.notified;
          outcome.mailed += r.mailed;
        }
      });
      outcome.batches += 1;
      if (upper === null) break;
      lower = upper;
    }
    const digest = await this.db.transaction((tx) =>
      this.notifications.notifyMany(tx, { type: 'hr-digest', sql: HR_DIGEST_SQL, params: [today] }),
    );
    outcome.digests = digest.notified;
    outcome.mailed += digest.mailed;
    outcome.purged = await this.purge(today);
    this.logger.log(`Reminders of ${today}: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  /** The id closing the batch after `lower`, or null when the rest fits in one batch. */
  private async batchUpperBound(lower: string | null, size: number): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM app_user WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id OFFSET $2 LIMIT 1`,
      [lower, size - 1],
    );
    // The row at offset size-1 closes a full batch; if there is none, the rest is the last.
    if (rows.length === 0) return null;
    const [{ more }] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM app_user WHERE id > $1::uuid) AS more`,
      [rows[0].id],
    );
    return more ? rows[0].id : null;
  }

  /** Notifications are kept 12 months. */
  private async purge(today: string): Promise<number> {
    const [, count] = await this.db.query(
      `DELETE FROM notification WHERE created_at < $1::date - interval '12 months'`,
      [today],
    );
    return count;
  }
}
