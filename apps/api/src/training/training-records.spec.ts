import { calendarDate } from '@dx/contracts';
import { createTestApp, TestApp } from '../test/test-app';

describe('recorded training', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;
  let hrB: string;
  let today: string;
  let year: number;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    hrA = await t.tokenFor((await t.make.user(units.a, { roles: ['learner', 'hr'] })).username);
    hrB = await t.tokenFor((await t.make.user(units.b, { roles: ['learner', 'hr'] })).username);
    today = calendarDate(t.config.reportsTimeZone);
    year = Number(today.slice(0, 4));
  });
  afterAll(() => t.close());

  const record = (token: string, body: object) =>
    t.http.post('/api/training-records').set('Authorization', token).send(body);
  // Rows that say something: a year placed for reports gives every DX person a row
  // (untrained, 0 h, met) whatever happened, and other specs of the run may place years.
  const ledger = async (userId: string) =>
    t.db.query(
      `SELECT year, hours::float8 AS hours, courses, records, trained, requirement_met AS "requirementMet"
         FROM training_year
        WHERE user_id = $1 AND (hours <> 0 OR courses <> 0 OR records <> 0 OR trained OR NOT requirement_met)
        ORDER BY year`,
      [userId],
    );
  const audit = async (id: string) =>
    (await t.db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [id])).map(
      (r: { action: string }) => r.action,
    );

  it('refuses a future date, an impossible one, absurd hours and a person outside the subtree', async () => {
    const person = await t.make.user(units.a1);
    const valid = {
      userId: person.id,
      title: 'Lớp tập huấn chữ ký số',
      hours: 8,
      completedOn: today,
      provider: 'Sở Thông tin và Truyền thông',
    };
    // Each refusal has its own code (the web says which), not the generic `invalid`.
    const cases: [object, string, string][] = [
      [{ completedOn: `${year + 1}-01-10` }, 'completedOn', 'date_in_future'],
      [{ completedOn: `${year}-02-31` }, 'completedOn', 'is_date_string'],
      [{ completedOn: '1999-12-31' }, 'completedOn', 'date_too_early'],
      [{ hours: 0 }, 'hours', 'is_positive'],
      [{ hours: 2001 }, 'hours', 'max'],
      [{ title: '' }, 'title', 'min_length'],
    ];
    for (const [change, field, code] of cases) {
      const res = await record(hrA, { ...valid, ...change }).expect(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    await record(hrB, valid).expect(404);
    expect(await ledger(person.id)).toEqual([]);
  });

  it('counts toward hours, trained and requirements; a correction moves it, a removal takes it back; all audited', async () => {
    const unit = await t.make.unit(units.a1, 'Thôn ghi nhận');
    const person = await t.make.user(unit);
    const token = await t.tokenFor(person.username);
    await t.http
      .post('/api/requirements')
      .set('Authorization', hrA)
      .send({
        year,
        orgUnitId: unit.id,
        dxRoles: ['full_time'],
        hours: 8,
        dueDate: `${year}-12-31`,
      })
      .expect(201);

    const created = await record(hrA, {
      userId: person.id,
      title: 'Lớp bồi dưỡng kỹ năng số',
      hours: 8,
      completedOn: `${year}-01-15`,
      provider: 'Học viện Hành chính Quốc gia',
    }).expect(201);
    expect(created.body).toMatchObject({ userId: person.id, hours: 8, year, hasEvidence: false });
    expect(await ledger(person.id)).toEqual([
      { year, hours: 8, courses: 0, records: 1, trained: true, requirementMet: true },
    ]);
    const mine = await t.http.get('/api/me/requirements').set('Authorization', token).expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ hoursEarned: 8, status: 'met' })]);

    const id = created.body.id;
    await t.http
      .patch(`/api/training-records/${id}`)
      .set('Authorization', hrB)
      .send({ hours: 4 })
      .expect(404);
    await t.http
      .patch(`/api/training-records/${id}`)
      .set('Authorization', hrA)
      .send({ hours: 4, completedOn: `${year - 1}-11-20` })
      .expect(200);
    expect(await ledger(person.id)).toEqual([
      { year: year - 1, hours: 4, courses: 0, records: 1, trained: true, requirementMet: true },
      { year, hours: 0, courses: 0, records: 0, trained: false, requirementMet: false },
    ]);

    const listed = await t.http
      .get(`/api/training-records?userId=${person.id}`)
      .set('Authorization', hrA)
      .expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id, hours: 4, completedOn: `${year - 1}-11-20` }),
    ]);

    await t.http.delete(`/api/training-records/${id}`).set('Authorization', hrA).expect(204);
    // Last year's row is empty again; this year's still says the requirement is not met.
    expect(await ledger(person.id)).toEqual([
      { year, hours: 0, courses: 0, records: 0, trained: false, requirementMet: false },
    ]);
    expect(await audit(id)).toEqual([
      'training_record.created',
      'training_record.updated',
      'training_record.deleted',
    ]);
  });
});
