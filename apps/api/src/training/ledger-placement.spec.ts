import { calendarDate } from '@dx/contracts';
import type { OrgUnitEntity } from '@dx/db';
import {
  ensureLedgerPlacement,
  insertCoverageRows,
  insertCoverageRowsFromSources,
} from '@dx/reports';
import { CoverageFixture } from '@dx/testing';
import type { EntityManager } from 'typeorm';
import { createTestApp, TestApp } from '../test/test-app';

/**
 * The ledger row of a placed year says where the person stood on the year's day (31/12,
 * today for the current year): kept by the membership triggers through transfers, merges
 * and deactivations made AFTER the year was placed, and moved forward with the calendar.
 * The coverage report sums these rows; the recomputation from memberships must agree.
 */
describe('the training ledger’s placement of people (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let year: number;
  let today: string;
  let tomorrow: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor(
      (await t.make.user(await t.make.unit(), { roles: ['sysadmin'], dxRole: 'none' })).username,
    );
    today = calendarDate(t.config.reportsTimeZone);
    tomorrow = calendarDate(t.config.reportsTimeZone, new Date(Date.now() + 86_400_000));
    year = Number(today.slice(0, 4));
  });
  afterAll(() => t.close());

  const since = (userId: string, d: string) =>
    t.db.query(`UPDATE membership SET valid_from = $2 WHERE user_id = $1`, [userId, d]);
  const placement = async (userId: string, y: number) => {
    const rows: { unit: string | null; role: string | null }[] = await t.db.query(
      `SELECT org_unit_id AS unit, dx_role AS role FROM training_year WHERE user_id = $1 AND year = $2`,
      [userId, y],
    );
    return rows[0] ?? null;
  };
  const patch = (userId: string, body: object) =>
    t.http.patch(`/api/users/${userId}`).set('Authorization', admin).send(body).expect(200);

  /** The report of `unit` for `y` from the ledger and from the source rows: every unit's row. */
  async function bothWays(unit: OrgUnitEntity, y: number) {
    const fixture = new CoverageFixture(t.db);
    const run = async (how: (tx: EntityManager, id: string) => Promise<number>) => {
      const { id } = await fixture.report(unit, y);
      await t.db.transaction((tx) => how(tx, id));
      return t.db.query(
        `SELECT org_unit_id, dx_staff, trained, hours::float8 AS hours, certificates, full_time_staff,
                part_time_staff, requirement_met
           FROM coverage_report_row WHERE report_id = $1 ORDER BY depth, code`,
        [id],
      );
    };
    return {
      ledger: await run(insertCoverageRows),
      sources: await run((tx, id) => insertCoverageRowsFromSources(tx, id, { requirements: true })),
    };
  }

  it('follows a mid-year transfer, a merge and a deactivation made after the year was placed', async () => {
    const { root, a, a1, b } = await t.make.twoProvinces();
    // Both years placed before anything happens: from here on only the triggers keep them.
    await ensureLedgerPlacement(t.db.manager, year - 1, `${year - 1}-12-31`);
    await ensureLedgerPlacement(t.db.manager, year, today);

    const mover = await t.make.user(a, { fullName: 'Đặng Văn Chuyển' });
    const merged = await t.make.user(b, { fullName: 'Ngô Thị Gộp', dxRole: 'part_time' });
    const leaver = await t.make.user(a1, { fullName: 'Lý Văn Nghỉ' });
    const outsider = await t.make.user(a, { fullName: 'Mai Văn Ngoài', dxRole: 'none' });
    for (const p of [mover, merged, leaver, outsider]) await since(p.id, '2020-01-01');
    await new CoverageFixture(t.db).certificate(mover.id, `${year - 1}-03-01T03:00:00Z`, {
      issuer: root,
    });
    expect(await placement(mover.id, year - 1)).toEqual({ unit: a.id, role: 'full_time' });
    expect(await placement(outsider.id, year - 1)).toBeNull();

    // Transferred in September of last year: stood in B on 31/12 and today.
    await patch(mover.id, { orgUnitId: b.id, effectiveDate: `${year - 1}-09-01` });
    expect(await placement(mover.id, year - 1)).toEqual({ unit: b.id, role: 'full_time' });
    expect(await placement(mover.id, year)).toEqual({ unit: b.id, role: 'full_time' });

    // B merged into A today: this year everyone of B stands in A; last year stays as it was.
    await t.http
      .post(`/api/org-units/${b.id}/merge`)
      .set('Authorization', admin)
      .send({ targetId: a.id, effectiveDate: today })
      .expect(200);
    expect(await placement(merged.id, year)).toEqual({ unit: a.id, role: 'part_time' });
    expect(await placement(mover.id, year)).toEqual({ unit: a.id, role: 'full_time' });
    expect(await placement(merged.id, year - 1)).toEqual({ unit: b.id, role: 'part_time' });

    // Deactivated today: counted through today, not from tomorrow; last year untouched.
    await patch(leaver.id, { active: false });
    expect(await placement(leaver.id, year)).toEqual({ unit: a1.id, role: 'full_time' });
    await ensureLedgerPlacement(t.db.manager, year, tomorrow);
    expect(await placement(leaver.id, year)).toEqual({ unit: null, role: null });
    expect(await placement(merged.id, year)).toEqual({ unit: a.id, role: 'part_time' });
    await ensureLedgerPlacement(t.db.manager, year, today);
    expect(await placement(leaver.id, year)).toEqual({ unit: a1.id, role: 'full_time' });
    expect(await placement(leaver.id, year - 1)).toEqual({ unit: a1.id, role: 'full_time' });

    // The reports of both years: the ledger and the recomputation agree on every unit.
    for (const y of [year - 1, year]) {
      const { ledger, sources } = await bothWays(root, y);
      expect(ledger).toEqual(sources);
    }
    const last = await bothWays(root, year - 1);
    const row = (id: string) =>
      last.ledger.find((r: { org_unit_id: string }) => r.org_unit_id === id);
    expect(row(b.id)).toMatchObject({ dx_staff: 2, trained: 1, part_time_staff: 1 });
    expect(row(a.id)).toMatchObject({ dx_staff: 1 });
  });

  it('places a year the first time a report needs it, and costs nothing once placed', async () => {
    const { root, a } = await t.make.twoProvinces();
    const person = await t.make.user(a, { fullName: 'Tô Thị Mới' });
    await since(person.id, '2020-01-01');
    await t.db.query(`DELETE FROM ledger_placement WHERE year = $1`, [year - 2]);
    await t.db.query(
      `UPDATE training_year SET org_unit_id = NULL, dx_role = NULL WHERE year = $1`,
      [year - 2],
    );
    const { ledger, sources } = await bothWays(root, year - 2);
    expect(ledger).toEqual(sources);
    expect(await placement(person.id, year - 2)).toEqual({ unit: a.id, role: 'full_time' });
    const [{ as_of }] = await t.db.query(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM ledger_placement WHERE year = $1`,
      [year - 2],
    );
    expect(as_of).toBe(`${year - 2}-12-31`);
  });
});
