import { calendarDate } from '@dx/contracts';
import { UserEntity } from '@dx/db';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

describe('yearly training requirements', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;
  let hrB: string;
  let admin: string;
  let year: number;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    // A tree of its own: requirements on it apply to nobody of other spec files.
    units = await t.make.twoProvinces();
    hrA = await t.tokenFor((await t.make.user(units.a, { roles: ['learner', 'hr'] })).username);
    hrB = await t.tokenFor((await t.make.user(units.b, { roles: ['learner', 'hr'] })).username);
    admin = await t.tokenFor((await t.make.user(units.root, { roles: ['sysadmin'] })).username);
    today = calendarDate(t.config.reportsTimeZone);
    year = Number(today.slice(0, 4));
  });
  afterAll(() => t.close());

  const require = (token: string, body: object) =>
    t.http.post('/api/requirements').set('Authorization', token).send(body);
  const valid = () => ({
    year,
    orgUnitId: units.a1.id,
    dxRoles: ['full_time', 'part_time'],
    hours: 4,
    dueDate: `${year}-12-31`,
  });
  const mine = async (token: string, query = '') =>
    (await t.http.get(`/api/me/requirements${query}`).set('Authorization', token).expect(200)).body;
  const finish = async (token: string, course: BuiltCourse) => {
    await t.http.post(`/api/courses/${course.course.id}/enroll`).set('Authorization', token);
    for (const lesson of course.lessons)
      await t.http
        .post(`/api/lessons/${lesson.id}/complete`)
        .set('Authorization', token)
        .expect(200);
  };

  it('refuses bad input with field errors', async () => {
    const cases: [object, string][] = [
      [{ dueDate: `${year + 1}-01-15` }, 'dueDate'],
      [{ dueDate: `${year}-02-30` }, 'dueDate'],
      [{ hours: -3 }, 'hours'],
      [{ hours: 2500 }, 'hours'],
      [{ dxRoles: ['full_time', 'giam_doc'] }, 'dxRoles'],
      [{ dxRoles: [] }, 'dxRoles'],
      [{ year: 'năm nay' }, 'year'],
    ];
    for (const [change, field] of cases) {
      const res = await require(hrA, { ...valid(), ...change }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('lets hr set one in its subtree only, and 404s a curriculum it cannot see', async () => {
    await require(hrB, valid()).expect(403);
    const trainerB = await t.tokenFor(
      (await t.make.user(units.b, { roles: ['learner', 'trainer'] })).username,
    );
    const course = await buildCourse(t.db, { owner: units.b, modules: [1] });
    const curriculum = await t.http
      .post('/api/curricula')
      .set('Authorization', trainerB)
      .send({
        code: `CT-B-${Date.now()}`,
        title: 'Chương trình tỉnh B',
        hoursPerYear: 4,
        courseIds: [course.course.id],
      })
      .expect(201);
    await require(hrA, { ...valid(), curriculumId: curriculum.body.id }).expect(404);

    // On a unit of its own, so it covers nobody of the other tests.
    const unit = await t.make.unit(units.a1, 'Thôn danh sách');
    const created = await require(hrA, { ...valid(), orgUnitId: unit.id }).expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      year,
      orgUnitId: unit.id,
      dxRoles: ['full_time', 'part_time'],
      jobTitles: [],
      hours: 4,
      dueDate: `${year}-12-31`,
      curriculumId: null,
    });
    const listA = await t.http
      .get(`/api/requirements?year=${year}&orgUnitId=${units.a.id}`)
      .set('Authorization', hrA)
      .expect(200);
    expect(listA.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    const listB = await t.http
      .get(`/api/requirements?year=${year}`)
      .set('Authorization', hrB)
      .expect(200);
    expect(listB.body.items.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
    const [audit] = await t.db.query(`SELECT action FROM audit_log WHERE target_id = $1`, [
      created.body.id,
    ]);
    expect(audit).toEqual({ action: 'requirement.created' });
  });

  it('shows a learner in_progress, then met on completion, then in_progress again after a revocation', async () => {
    const unit = await t.make.unit(units.a1, 'Thôn yêu cầu');
    const learner = await t.make.user(unit);
    const other = await t.make.user(unit, { dxRole: 'none' });
    const token = await t.tokenFor(learner.username);
    const course = await buildCourse(t.db, { owner: units.a, hours: 6, modules: [1] });
    const req = (await require(hrA, { ...valid(), orgUnitId: unit.id, hours: 6 }).expect(201)).body;

    expect(await mine(token)).toEqual([
      expect.objectContaining({
        id: req.id,
        year,
        hours: 6,
        hoursEarned: 0,
        status: 'in_progress',
      }),
    ]);
    expect(await mine(await t.tokenFor(other.username))).toEqual([]);
    const ledgerMet = async () =>
      (
        await t.db.query(
          'SELECT requirement_met FROM training_year WHERE user_id = $1 AND year = $2',
          [learner.id, year],
        )
      )[0]?.requirement_met;
    expect(await ledgerMet()).toBe(false);

    await finish(token, course);
    expect(await mine(token)).toEqual([expect.objectContaining({ hoursEarned: 6, status: 'met' })]);
    expect(await ledgerMet()).toBe(true);

    const [cert] = await t.db.query(`SELECT id FROM certificate WHERE user_id = $1`, [learner.id]);
    await t.db.query(
      `UPDATE certificate SET status = 'issued', issued_at = now(), serial = 'R-' || left(id::text, 20) WHERE id = $1`,
      [cert.id],
    );
    await t.http
      .post(`/api/certificates/${cert.id}/revoke`)
      .set('Authorization', admin)
      .send({ reason: 'fraud' })
      .expect(200);
    expect(await mine(token)).toEqual([
      expect.objectContaining({ hoursEarned: 0, status: 'in_progress' }),
    ]);
    expect(await ledgerMet()).toBe(false);
  });

  it('is overdue past its due date, matches job titles, and with a curriculum counts only its courses', async () => {
    const unit = await t.make.unit(units.a1, 'Thôn chương trình');
    const learner = await t.make.user(unit);
    await t.db
      .getRepository(UserEntity)
      .update({ id: learner.id }, { jobTitle: 'Công chức Văn hóa - Xã hội' });
    const token = await t.tokenFor(learner.username);
    const trainerA = await t.tokenFor(
      (await t.make.user(units.a, { roles: ['learner', 'trainer'] })).username,
    );
    const inside = await buildCourse(t.db, { owner: units.a, hours: 3, modules: [1] });
    const outside = await buildCourse(t.db, { owner: units.a, hours: 5, modules: [1] });
    const curriculum = await t.http
      .post('/api/curricula')
      .set('Authorization', trainerA)
      .send({
        code: `CT-A-${Date.now()}`,
        title: 'Chương trình văn hóa số',
        hoursPerYear: 3,
        courseIds: [inside.course.id],
      })
      .expect(201);

    const byCurriculum = (
      await require(hrA, {
        ...valid(),
        orgUnitId: unit.id,
        hours: undefined,
        curriculumId: curriculum.body.id,
      }).expect(201)
    ).body;
    expect(byCurriculum.hours).toBe(3);
    const overdue = (
      await require(hrA, {
        ...valid(),
        orgUnitId: unit.id,
        hours: 2,
        dueDate: `${year}-01-01`,
      }).expect(201)
    ).body;
    await require(hrA, { ...valid(), orgUnitId: unit.id, jobTitles: ['Kế toán'] }).expect(201);

    const before = await mine(token);
    expect(before.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual(
      today > `${year}-01-01`
        ? [
            [overdue.id, 'overdue'],
            [byCurriculum.id, 'in_progress'],
          ]
        : [
            [overdue.id, 'in_progress'],
            [byCurriculum.id, 'in_progress'],
          ],
    );
    expect(before[1].courses).toEqual([
      { courseId: inside.course.id, title: inside.version.title, hours: 3, completed: false },
    ]);

    await finish(token, outside);
    const after = await mine(token);
    expect(
      after.map((r: { hoursEarned: number; status: string }) => [r.hoursEarned, r.status]),
    ).toEqual([
      [5, 'met'],
      [0, 'in_progress'],
    ]);
    await finish(token, inside);
    expect((await mine(token))[1]).toMatchObject({ hoursEarned: 3, status: 'met' });
    expect(await mine(token, `?year=${year - 1}`)).toEqual([]);
  });
});
