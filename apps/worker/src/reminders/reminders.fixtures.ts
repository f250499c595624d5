import type { DxRole, Role } from '@dx/contracts';
import { randomSuffix } from '@dx/db/testing';
import type { DataSource } from 'typeorm';
import { CoverageFixture, FixtureUnit } from '@dx/testing';

/** Units, people with an email (or none) and requirements for the reminder specs, in SQL. */
export class ReminderFixture {
  private readonly base: CoverageFixture;

  constructor(private readonly db: DataSource) {
    this.base = new CoverageFixture(db);
  }

  unit(name: string, parent: FixtureUnit | null = null): Promise<FixtureUnit> {
    return this.base.unit(name, parent);
  }

  /** A person; `email` undefined gives a unique valid address, null none at all. */
  async person(
    unit: FixtureUnit,
    opts: { dxRole?: DxRole; email?: string | null; roles?: Role[]; fullName?: string } = {},
  ): Promise<{ id: string; email: string | null }> {
    const id = await this.base.person(unit, opts.dxRole ?? 'full_time', opts.fullName);
    const email = opts.email === undefined ? `p.${randomSuffix()}@example.vn` : opts.email;
    await this.db.query(`UPDATE app_user SET email = $2, roles = $3 WHERE id = $1`, [
      id,
      email,
      opts.roles ?? ['learner'],
    ]);
    return { id, email };
  }

  async requirement(
    unit: FixtureUnit,
    opts: { year?: number; hours?: number; dueDate: string; dxRoles?: DxRole[] },
  ): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO requirement (year, org_unit_id, dx_roles, hours, due_date)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        opts.year ?? Number(opts.dueDate.slice(0, 4)),
        unit.id,
        opts.dxRoles ?? ['full_time', 'part_time'],
        opts.hours ?? 8,
        opts.dueDate,
      ],
    );
    return id;
  }

  /** Records `hours` of the year in the person's training ledger. */
  async trained(userId: string, year: number, hours: number): Promise<void> {
    await this.db.query(
      `INSERT INTO training_year (user_id, year, hours, records, trained) VALUES ($1, $2, $3, 1, true)
       ON CONFLICT (user_id, year) DO UPDATE SET hours = excluded.hours`,
      [userId, year, hours],
    );
  }

  /** Event keys notified to `userId`, sorted. */
  async eventKeys(userId: string): Promise<string[]> {
    const rows: { eventKey: string }[] = await this.db.query(
      `SELECT event_key AS "eventKey" FROM notification WHERE user_id = $1 ORDER BY event_key`,
      [userId],
    );
    return rows.map((r) => r.eventKey.replace(/:.*/, ''));
  }
}
