import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What one event changes in a person's year: signed deltas. */
export interface LedgerDelta {
  hours: number;
  courses?: number;
  records?: number;
}

/**
 * People a requirement applies to in year $1, as of day $2: open membership on that day
 * in the requirement unit's subtree, with one of its DX roles and, when it lists job
 * titles, one of them. Used by the ledger and by `GET /api/me/requirements`; `r` is the
 * requirement, `m` the membership, `u` the person.
 */
export const REQUIREMENT_APPLIES = `
  JOIN org_unit ru ON ru.id = r.org_unit_id
  JOIN membership m ON m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to > $2::date)
                   AND m.dx_role = ANY (r.dx_roles)
  JOIN org_unit mu ON mu.id = m.org_unit_id AND mu.path LIKE ru.path || '%'
  JOIN app_user u ON u.id = m.user_id
                 AND (cardinality(r.job_titles) = 0 OR u.job_title = ANY (r.job_titles))`;

/**
 * Hours person `u` earned in year r.year toward requirement `r`: the whole year's ledger
 * hours, or with a curriculum only that curriculum's course certificates (not revoked).
 * Needs `ty` (the person's ledger row of the year, may be null).
 */
export const HOURS_TOWARD_REQUIREMENT = `
  CASE WHEN r.curriculum_id IS NULL THEN coalesce(ty.hours, 0)
       ELSE (SELECT coalesce(sum(c.hours), 0) FROM certificate c
              JOIN curriculum_course cc ON cc.course_id = c.course_id AND cc.curriculum_id = r.curriculum_id
             WHERE c.user_id = u.id AND c.kind = 'course' AND c.year = r.year AND c.status <> 'revoked')
  END`;

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
    await tx.query(
      `UPDATE training_year ty
          SET requirement_met = NOT EXISTS (
                SELECT 1 FROM requirement r ${REQUIREMENT_APPLIES}
                 WHERE r.year = ty.year AND u.id = ty.user_id
                   AND ${HOURS_TOWARD_REQUIREMENT} < r.hours)
        WHERE ty.year = $1 AND ($3::uuid[] IS NULL OR ty.user_id = ANY ($3::uuid[]))`,
      [year, this.asOf(year), userIds],
    );
  }

  /**
   * Gives everyone requirement `requirementId` applies to a ledger row of its year (people
   * with none count as meeting every requirement), then re-evaluates those rows, in one
   * pair of set-based statements whatever the size of the subtree.
   */
  async coverRequirement(tx: EntityManager, requirementId: string, year: number): Promise<void> {
    const covered: { id: string }[] = await tx.query(
      `INSERT INTO training_year AS ty (user_id, year, trained)
       SELECT DISTINCT u.id, $1::int, false FROM requirement r ${REQUIREMENT_APPLIES}
        WHERE r.id = $3
       ON CONFLICT (user_id, year) DO UPDATE SET updated_at = ty.updated_at
       RETURNING ty.user_id AS id`,
      [year, this.asOf(year), requirementId],
    );
    if (covered.length)
      await this.evaluate(
        tx,
        year,
        covered.map((c) => c.id),
      );
  }
}
