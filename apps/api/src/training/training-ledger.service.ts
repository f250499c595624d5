import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { coverRequirementRows, evaluateRequirementMet, replacePeopleInLedger } from '@dx/reports';
import { EntityManager } from 'typeorm';

/** What one event changes in a person's year: signed deltas. */
export interface LedgerDelta {
  hours: number;
  courses?: number;
  records?: number;
}

/**
 * The training ledger (`training_year`): every change is one upsert in the caller's
 * transaction, so the ledger commits or rolls back with the completion, revocation or
 * record that caused it. Concurrent changes of one person's year serialise on the row
 * (ON CONFLICT DO UPDATE locks it) and add up exactly.
 */
@Injectable()
export class TrainingLedgerService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Training year of an instant: its calendar year in TZ_REPORTS. */
  yearOf(at: Date): number {
    return Number(calendarDate(this.config.reportsTimeZone, at).slice(0, 4));
  }

  /** The day people are matched on for a year: 31/12, or today for the current year. */
  asOf(year: number): string {
    const today = calendarDate(this.config.reportsTimeZone);
    const end = `${year}-12-31`;
    return end < today ? end : today;
  }

  async apply(tx: EntityManager, userId: string, year: number, delta: LedgerDelta): Promise<void> {
    const hundredths = Math.round(delta.hours * 100);
    await tx.query(
      `INSERT INTO training_year AS ty (user_id, year, hours, courses, records, trained)
       VALUES ($1, $2, $3::int / 100.0, $4::int, $5::int, $4::int + $5::int > 0)
       ON CONFLICT (user_id, year) DO UPDATE
          SET hours = ty.hours + excluded.hours,
              courses = ty.courses + excluded.courses,
              records = ty.records + excluded.records,
              trained = ty.courses + excluded.courses + ty.records + excluded.records > 0,
              updated_at = now()`,
      [userId, year, hundredths, delta.courses ?? 0, delta.records ?? 0],
    );
    await this.evaluate(tx, year, [userId]);
  }

  /**
   * Re-evaluates `requirement_met` of the given people's rows of a year (null: everyone
   * with a row that year), set-based: met unless some requirement applying to them is
   * short of hours.
   */
  async evaluate(tx: EntityManager, year: number, userIds: string[] | null): Promise<void> {
    await evaluateRequirementMet(tx, year, this.asOf(year), userIds);
  }

  /**
   * Gives everyone requirement `requirementId` applies to a ledger row of its year (people
   * with none count as meeting every requirement), then re-evaluates those rows, in one
   * pair of set-based statements whatever the size of the subtree.
   */
  async coverRequirement(tx: EntityManager, requirementId: string, year: number): Promise<void> {
    const covered = await coverRequirementRows(tx, requirementId, year, this.asOf(year));
    if (covered.length) await this.evaluate(tx, year, covered);
  }

  /**
   * People changed place from `fromDate` (a transfer; a merge into `unitId`): the
   * requirements that apply to them may differ, so their rows of every year since are
   * re-evaluated (and made where a requirement now applies), in the caller's transaction.
   */
  async placesChanged(
    tx: EntityManager,
    fromDate: string,
    who: { userIds: string[] } | { unitId: string },
  ): Promise<void> {
    await replacePeopleInLedger(tx, {
      fromDate,
      today: calendarDate(this.config.reportsTimeZone),
      ...who,
    });
  }
}
