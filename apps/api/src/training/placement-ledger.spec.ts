import { calendarDate } from '@dx/contracts';
import type { OrgUnitEntity } from '@dx/db';
import { computeCoverage, courseCertificate } from '../reports/coverage.fixtures';
import { createTestApp, TestApp } from '../test/test-app';

/**
 * Transfers, merges and leaving in the middle of a year count where the person stood on
 * 31/12 (today for the current year): in coverage, in the people list, and in the ledger's
 * `requirement_met`, which a move under another unit's requirement must re-evaluate.
 */
describe('people who move during a year (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let year: number;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor(
      (await t.make.user(await t.make.unit(), { roles: ['sysadmin'], dxRole: 'none' })).username,
    );
    today = calendarDate(t.config.reportsTimeZone);
    year = Number(today.slice(0, 4));
  });
  afterAll(() => t.close());

  const requirement = (unit: OrgUnitEntity, y: number, hours = 8) =>
    t.http
      .post('/api/requirements')
      .set('Authorization', admin)
      .send({
        year: y,
        orgUnitId: unit.id,
        dxRoles: ['full_time', 'part_time'],
        hours,
        dueDate: `${y}-12-31`,
      })
      .expect(201);
  const transfer = (userId: string, unit: OrgUnitEntity, effectiveDate: string) =>
    t.http
      .patch(`/api/users/${userId}`)
      .set('Authorization', admin)
      .send({ orgUnitId: unit.id, effectiveDate })
      .expect(200);
  const since = (userId: string, d: string) =>
    t.db.query(`UPDATE membership SET valid_from = $2 WHERE user_id = $1`, [userId, d]);
  const ledger = async (userId: string, y: number) => {
    const rows: { requirement_met: boolean; trained: boolean }[] = await t.db.query(
      `SELECT requirement_met, trained FROM training_year WHERE user_id = $1 AND year = $2`,
      [userId, y],
    );
    return rows[0] ?? null;
  };
  const peopleOf = async (unit: OrgUnitEntity, y: number) =>
    (
      await t.http
        .get('/api/reports/people')
        .query({ orgUnitId: unit.id, year: y, status: 'all' })
        .set('Authorization', admin)
        .expect(200)
    ).body.items as {
      userId: string;
      orgUnitId: string;
      requirementMet: boolean;
      trained: boolean;
    }[];

  it('counts a person transferred in September of a past year in the new unit, trained with the course done before', async () => {
    const { root, a, b } = await t.make.twoProvinces();
    const moved = await t.make.user(a, { fullName: 'Bùi Thị Nga' });
    await since(moved.id, '2020-01-01');
    await courseCertificate(t.db, moved.id, `${year - 1}-03-01T03:00:00Z`, { issuer: root });
    await transfer(moved.id, b, `${year - 1}-09-01`);

    const last = await computeCoverage(t.db, root, year - 1);
    expect(last.get(a.id)).toMatchObject({ dxStaff: 0, trained: 0 });
    expect(last.get(b.id)).toMatchObject({ dxStaff: 1, trained: 1 });
    const before = await computeCoverage(t.db, root, year - 2);
    expect(before.get(a.id)).toMatchObject({ dxStaff: 1 });
    expect(before.get(b.id)).toMatchObject({ dxStaff: 0 });
    expect((await peopleOf(b, year - 1)).map((p) => p.userId)).toEqual([moved.id]);
    expect(await peopleOf(a, year - 1)).toEqual([]);
  });

  it('puts a person who moves under a requirement on the requirement (not met), and one who moves away off it', async () => {
    const { a, b } = await t.make.twoProvinces();
    const incoming = await t.make.user(a, { fullName: 'Trần Văn Đến' });
    const outgoing = await t.make.user(b, { fullName: 'Lê Thị Đi' });
    await since(incoming.id, '2020-01-01');
    await since(outgoing.id, '2020-01-01');
    await requirement(b, year);
    await requirement(b, year - 1);
    // No requirement on them yet (a row, when the year is placed, says met).
    expect((await ledger(incoming.id, year))?.requirement_met ?? true).toBe(true);
    expect(await ledger(outgoing.id, year)).toMatchObject({ requirement_met: false });

    // Moved in during last year: last year's and this year's requirements apply.
    await transfer(incoming.id, b, `${year - 1}-10-01`);
    expect(await ledger(incoming.id, year - 1)).toMatchObject({ requirement_met: false });
    expect(await ledger(incoming.id, year)).toMatchObject({ requirement_met: false });
    const inB = await peopleOf(b, year);
    expect(inB.find((p) => p.userId === incoming.id)).toMatchObject({ requirementMet: false });

    // Moved away today: this year's requirement of B no longer applies; last year's still does.
    await transfer(outgoing.id, a, today);
    expect(await ledger(outgoing.id, year)).toMatchObject({ requirement_met: true });
    expect(await ledger(outgoing.id, year - 1)).toMatchObject({ requirement_met: false });
    expect((await peopleOf(a, year)).find((p) => p.userId === outgoing.id)).toMatchObject({
      requirementMet: true,
    });
  });

  it('puts someone created or imported under an existing requirement on it (not met)', async () => {
    const { a } = await t.make.twoProvinces();
    await requirement(a, year, 4);
    const created = await t.http
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        username: `moi.${Date.now()}`,
        password: 'Mat-khau-rat-dai-2026',
        fullName: 'Hoàng Văn Mới',
        orgUnitId: a.id,
        dxRole: 'full_time',
      })
      .expect(201);
    expect(await ledger(created.body.id, year)).toMatchObject({ requirement_met: false });

    const csv = `username,fullName,email,dateOfBirth,orgUnitCode,jobTitle,dxRole\nnhap.${Date.now()},Đỗ Thị Nhập,,,${a.code},,part_time\n`;
    const imported = await t.http
      .post('/api/users/import')
      .set('Authorization', admin)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'nguoi.csv', contentType: 'text/csv' })
      .expect(200);
    expect(imported.body).toMatchObject({ created: 1, errors: [] });
    const [{ id }] = await t.db.query(`SELECT id FROM app_user WHERE full_name = 'Đỗ Thị Nhập'`);
    expect(await ledger(id, year)).toMatchObject({ requirement_met: false });
    const listed = await peopleOf(a, year);
    expect(listed.filter((p) => p.requirementMet)).toEqual([]);
    expect(listed).toHaveLength(2);
  });

  it('puts the people of a unit merged today under the target’s requirement', async () => {
    const { a, b, b1 } = await t.make.twoProvinces();
    await requirement(a, year, 12);
    const person = await t.make.user(b1, { fullName: 'Phạm Thị Sáp Nhập' });
    await since(person.id, '2020-01-01');
    expect((await ledger(person.id, year))?.requirement_met ?? true).toBe(true);

    await t.http
      .post(`/api/org-units/${b.id}/merge`)
      .set('Authorization', admin)
      .send({ targetId: a.id, effectiveDate: today })
      .expect(200);
    expect(await ledger(person.id, year)).toMatchObject({ requirement_met: false, trained: false });
    expect((await peopleOf(a, year)).find((p) => p.userId === person.id)).toMatchObject({
      orgUnitId: b1.id,
      requirementMet: false,
    });
  });

  it('leaves out of a year-end count someone who left during that year, and keeps them in earlier years', async () => {
    const { root, a } = await t.make.twoProvinces();
    const leaver = await t.make.user(a, { fullName: 'Vũ Đức Nghỉ' });
    await t.db.query(
      `UPDATE membership SET valid_from = '2020-01-01', valid_to = $2 WHERE user_id = $1`,
      [leaver.id, `${year - 1}-07-01`],
    );
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [leaver.id]);
    expect((await computeCoverage(t.db, root, year - 1)).get(a.id)).toMatchObject({ dxStaff: 0 });
    expect((await computeCoverage(t.db, root, year - 2)).get(a.id)).toMatchObject({ dxStaff: 1 });
    expect(await peopleOf(a, year - 1)).toEqual([]);
    expect((await peopleOf(a, year - 2)).map((p) => p.userId)).toEqual([leaver.id]);
  });
});
