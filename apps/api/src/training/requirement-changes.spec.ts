import { calendarDate } from '@dx/contracts';
import { createTestApp, TestApp } from '../test/test-app';

describe('correcting and removing a requirement', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;
  let hrB: string;
  let year: number;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    hrA = await t.tokenFor((await t.make.user(units.a, { roles: ['learner', 'hr'] })).username);
    hrB = await t.tokenFor((await t.make.user(units.b, { roles: ['learner', 'hr'] })).username);
    year = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    post: (url: string, body: object) => t.http.post(url).set('Authorization', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', token).send(body),
    delete: (url: string) => t.http.delete(url).set('Authorization', token),
    get: (url: string) => t.http.get(url).set('Authorization', token),
  });

  /** A unit of its own with one full-time learner who has 4 h recorded this year. */
  async function setting(hours: number) {
    const unit = await t.make.unit(units.a1, `Thôn ${Math.random().toString(36).slice(2, 7)}`);
    const learner = await t.make.user(unit);
    await as(hrA)
      .post('/api/training-records', {
        userId: learner.id,
        title: 'Lớp bồi dưỡng kỹ năng số',
        hours: 4,
        completedOn: `${year}-01-05`,
        provider: 'Sở Nội vụ',
      })
      .expect(201);
    const req = await as(hrA)
      .post('/api/requirements', {
        year,
        orgUnitId: unit.id,
        dxRoles: ['full_time'],
        hours,
        dueDate: `${year}-12-31`,
      })
      .expect(201);
    const token = await t.tokenFor(learner.username);
    const mine = async () => (await as(token).get('/api/me/requirements').expect(200)).body;
    const met = async () =>
      (
        await t.db.query(
          'SELECT requirement_met AS met FROM training_year WHERE user_id = $1 AND year = $2',
          [learner.id, year],
        )
      )[0]?.met;
    return { id: req.body.id as string, learner, mine, met };
  }

  it('re-evaluates the people when hours change, and drops those it no longer covers', async () => {
    const { id, mine, met } = await setting(4);
    expect((await mine())[0]).toMatchObject({ id, status: 'met', hoursEarned: 4 });
    expect(await met()).toBe(true);

    const raised = await as(hrA)
      .patch(`/api/requirements/${id}`, { hours: 6, dueDate: `${year}-11-30` })
      .expect(200);
    expect(raised.body).toMatchObject({ id, hours: 6, dueDate: `${year}-11-30`, year });
    expect((await mine())[0]).toMatchObject({
      id,
      hours: 6,
      status: expect.not.stringMatching('met'),
    });
    expect(await met()).toBe(false);

    // Part-time staff only: the full-time learner is no longer covered, and no longer short.
    await as(hrA)
      .patch(`/api/requirements/${id}`, { dxRoles: ['part_time'] })
      .expect(200);
    expect(await mine()).toEqual([]);
    expect(await met()).toBe(true);

    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at, action`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'requirement.created',
      'requirement.updated',
      'requirement.updated',
    ]);
  });

  it('removes a requirement: its people count as meeting the year again', async () => {
    const { id, mine, met } = await setting(10);
    expect(await met()).toBe(false);
    await as(hrB).delete(`/api/requirements/${id}`).expect(404);
    await as(hrA).delete(`/api/requirements/${id}`).expect(204);
    expect(await mine()).toEqual([]);
    expect(await met()).toBe(true);
    await as(hrA).delete(`/api/requirements/${id}`).expect(404);
    const [audit] = await t.db.query(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action = 'requirement.deleted'`,
      [id],
    );
    expect(audit).toBeDefined();
  });

  it('refuses bad corrections with field errors, and other subtrees with 404', async () => {
    const { id } = await setting(4);
    const cases: [object, string][] = [
      [{ dueDate: `${year + 1}-01-31` }, 'dueDate'],
      [{ dueDate: `${year}-02-30` }, 'dueDate'],
      [{ hours: 0 }, 'hours'],
      [{ hours: 2001 }, 'hours'],
      [{ hours: null }, 'hours'],
      [{ dxRoles: [] }, 'dxRoles'],
      [{ dxRoles: ['none'] }, 'dxRoles'],
      [{ year: year + 1 }, 'year'],
      [{ orgUnitId: units.b.id }, 'orgUnitId'],
    ];
    for (const [body, field] of cases) {
      const res = await as(hrA).patch(`/api/requirements/${id}`, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // The service's own checks say which rule with a code the web translates.
    const late = await as(hrA).patch(`/api/requirements/${id}`, { dueDate: `${year + 1}-01-31` });
    expect(late.body.errors).toEqual([
      expect.objectContaining({ field: 'dueDate', code: 'date_outside_year', params: { year } }),
    ]);
    const cleared = await as(hrA).patch(`/api/requirements/${id}`, { hours: null });
    expect(cleared.body.errors).toEqual([
      expect.objectContaining({ field: 'hours', code: 'is_not_empty' }),
    ]);
    await as(hrB).patch(`/api/requirements/${id}`, { hours: 5 }).expect(404);
    const learner = await t.tokenFor((await t.make.user(units.a)).username);
    await as(learner).patch(`/api/requirements/${id}`, { hours: 5 }).expect(403);
  });
});
