import { calendarDate } from '@dx/contracts';
import { CertificateEntity, TrainingYearEntity } from '@dx/db';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { ageTraining } from '../test/training-years';

describe('re-training: one enrolment per person, course and year', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let thisYear: number;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    thisYear = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
  });
  afterAll(() => t.close());

  const enrol = (token: string, course: BuiltCourse) =>
    t.http.post(`/api/courses/${course.course.id}/enroll`).set('Authorization', token);
  const complete = (token: string, lessonId: string) =>
    t.http.post(`/api/lessons/${lessonId}/complete`).set('Authorization', token).expect(200);
  // Years with training only: a placed year (ledger-placement.ts) also holds a row of zeros
  // for every person, depending on which specs placed years in this database first.
  const ledgerOf = async (userId: string) =>
    (
      await t.db
        .getRepository(TrainingYearEntity)
        .find({ where: { userId }, order: { year: 'ASC' } })
    ).filter((row) => row.courses > 0 || row.records > 0 || Number(row.hours) > 0);

  /** A learner who completed `course` last year (its certificate and ledger row too). */
  async function trainedLastYear(course: BuiltCourse) {
    const user = await t.make.user(units.a1, { fullName: 'Ngô Văn Tập Huấn' });
    const token = await t.tokenFor(user.username);
    const first = await enrol(token, course).expect(201);
    for (const lesson of course.lessons) await complete(token, lesson.id);
    await ageTraining(t.db, user.id);
    return { user, token, firstId: first.body.enrollmentId as string };
  }

  it('starts a new enrolment for this year (201) and keeps last year’s completion and certificate', async () => {
    const course = await buildCourse(t.db, { owner: units.a, hours: 4, modules: [2] });
    const { user, token, firstId } = await trainedLastYear(course);

    const again = await enrol(token, course).expect(201);
    expect(again.body).toEqual({ enrollmentId: expect.any(String), status: 'in_progress' });
    expect(again.body.enrollmentId).not.toBe(firstId);
    // Within the same year: the current one, 200.
    expect((await enrol(token, course).expect(200)).body).toEqual(again.body);

    const mine = await t.http.get('/api/me/enrollments').set('Authorization', token).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        enrollmentId: again.body.enrollmentId,
        status: 'in_progress',
        progress: 0,
        year: thisYear,
        current: true,
      }),
      expect.objectContaining({
        enrollmentId: firstId,
        status: 'completed',
        progress: 100,
        year: thisYear - 1,
        current: false,
      }),
    ]);

    // Last year's lessons do not count for this year: each is read again.
    expect((await complete(token, course.lessons[0].id)).body.progress).toBe(50);
    expect((await complete(token, course.lessons[1].id)).body).toEqual({
      progress: 100,
      courseCompleted: true,
    });

    const certificates = await t.db
      .getRepository(CertificateEntity)
      .find({ where: { userId: user.id }, order: { year: 'ASC' } });
    expect(certificates.map((c) => [c.enrollmentId, c.year])).toEqual([
      [firstId, thisYear - 1],
      [again.body.enrollmentId, thisYear],
    ]);
    // The learner's own list says the same (their history by year pairs them up).
    const own = await t.http.get('/api/me/certificates').set('Authorization', token).expect(200);
    expect(
      own.body.map((c: { enrollmentId: string; year: number }) => [c.enrollmentId, c.year]),
    ).toEqual([
      [again.body.enrollmentId, thisYear],
      [firstId, thisYear - 1],
    ]);
    expect(await ledgerOf(user.id)).toEqual([
      expect.objectContaining({ year: thisYear - 1, hours: 4, courses: 1, trained: true }),
      expect.objectContaining({ year: thisYear, hours: 4, courses: 1, trained: true }),
    ]);
  });

  it('keeps one new enrolment under ten parallel re-enrolments', async () => {
    const course = await buildCourse(t.db, { owner: units.root, modules: [1] });
    const { token, firstId } = await trainedLastYear(course);
    const responses = await Promise.all(Array.from({ length: 10 }, () => enrol(token, course)));
    expect(responses.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const ids = new Set(responses.map((r) => r.body.enrollmentId));
    expect(ids.size).toBe(1);
    expect(ids.has(firstId)).toBe(false);
  });

  it('returns an enrolment still in progress from last year (200) and counts it in the year it is completed', async () => {
    const course = await buildCourse(t.db, { owner: units.a, hours: 3, modules: [1] });
    const user = await t.make.user(units.a1);
    const token = await t.tokenFor(user.username);
    const started = await enrol(token, course).expect(201);
    await t.db.query('UPDATE enrollment SET year = year - 1 WHERE id = $1', [
      started.body.enrollmentId,
    ]);

    expect((await enrol(token, course).expect(200)).body).toEqual(started.body);
    await complete(token, course.lessons[0].id);
    const [row] = await t.db.query('SELECT year FROM enrollment WHERE id = $1', [
      started.body.enrollmentId,
    ]);
    expect(row.year).toBe(thisYear);
    expect(await ledgerOf(user.id)).toEqual([
      expect.objectContaining({ year: thisYear, hours: 3, courses: 1 }),
    ]);
  });
});
