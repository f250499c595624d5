import { calendarDate } from '@dx/contracts';
import { CourseEntity, CourseVersionEntity, EnrollmentEntity } from '@dx/db';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

describe('enrolment', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let learner: string;
  let learnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    const user = await t.make.user(units.a1, { fullName: 'Trần Thị Học' });
    learnerId = user.id;
    learner = await t.tokenFor(user.username);
  });
  afterAll(() => t.close());
  const thisYear = () => Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));

  it('enrols once: 201 the first time, 200 with the same enrolment after', async () => {
    const { course, version } = await buildCourse(t.db, { owner: units.a });
    const first = await t.http
      .post(`/api/courses/${course.id}/enroll`)
      .set('Authorization', learner)
      .expect(201);
    expect(first.body).toEqual({ enrollmentId: expect.any(String), status: 'in_progress' });
    const again = await t.http
      .post(`/api/courses/${course.id}/enroll`)
      .set('Authorization', learner)
      .expect(200);
    expect(again.body).toEqual(first.body);
    const row = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: first.body.enrollmentId });
    expect(row).toMatchObject({ userId: learnerId, courseVersionId: version.id, progress: 0 });
  });

  it('keeps one enrolment under ten parallel enrol calls', async () => {
    const { course } = await buildCourse(t.db, { owner: units.root });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.post(`/api/courses/${course.id}/enroll`).set('Authorization', learner),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map((r) => r.body.enrollmentId)).size).toBe(1);
    expect(
      await t.db
        .getRepository(EnrollmentEntity)
        .countBy({ userId: learnerId, courseId: course.id }),
    ).toBe(1);
  });

  it('answers 200 with status completed for a completed enrolment', async () => {
    const { course } = await buildCourse(t.db, { owner: units.a1 });
    const res = await t.http
      .post(`/api/courses/${course.id}/enroll`)
      .set('Authorization', learner)
      .expect(201);
    await t.db
      .getRepository(EnrollmentEntity)
      .update(
        { id: res.body.enrollmentId },
        { status: 'completed', progress: 100, completedAt: new Date() },
      );
    const again = await t.http
      .post(`/api/courses/${course.id}/enroll`)
      .set('Authorization', learner)
      .expect(200);
    expect(again.body).toEqual({ enrollmentId: res.body.enrollmentId, status: 'completed' });
  });

  it('refuses (404) courses of another branch, below the caller, drafts, archived and unknown ones', async () => {
    const elsewhere = await buildCourse(t.db, { owner: units.b });
    const below = await buildCourse(t.db, { owner: await t.make.unit(units.a1, 'Thôn A1a') });
    const draft = await buildCourse(t.db, { owner: units.a, published: false });
    const archived = await buildCourse(t.db, { owner: units.a });
    await t.db
      .getRepository(CourseEntity)
      .update({ id: archived.course.id }, { status: 'archived' });
    for (const id of [
      elsewhere.course.id,
      below.course.id,
      draft.course.id,
      archived.course.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      await t.http.post(`/api/courses/${id}/enroll`).set('Authorization', learner).expect(404);
    }
    await t.http.post('/api/courses/not-a-uuid/enroll').set('Authorization', learner).expect(400);
    await t.http.post(`/api/courses/${elsewhere.course.id}/enroll`).expect(401);
  });

  it('keeps an enrolment on its version when a new version is published', async () => {
    const built = await buildCourse(t.db, { owner: units.a, title: 'Kỹ năng số cơ bản', hours: 4 });
    const res = await t.http
      .post(`/api/courses/${built.course.id}/enroll`)
      .set('Authorization', learner)
      .expect(201);
    const v2 = await t.db.getRepository(CourseVersionEntity).save({
      courseId: built.course.id,
      version: 2,
      status: 'published',
      title: 'Kỹ năng số cơ bản (bản 2)',
      hours: 6,
      publishedAt: new Date(),
    });
    await t.db
      .getRepository(CourseVersionEntity)
      .update({ id: built.version.id }, { status: 'superseded' });
    await t.db
      .getRepository(CourseEntity)
      .update({ id: built.course.id }, { publishedVersionId: v2.id });

    await t.http
      .post(`/api/courses/${built.course.id}/enroll`)
      .set('Authorization', learner)
      .expect(200);
    const row = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: res.body.enrollmentId });
    expect(row.courseVersionId).toBe(built.version.id);
    const mine = await t.http.get('/api/me/enrollments').set('Authorization', learner).expect(200);
    expect(
      mine.body.find((e: { courseId: string }) => e.courseId === built.course.id),
    ).toMatchObject({
      title: 'Kỹ năng số cơ bản',
      version: 1,
      hours: 4,
    });

    // A newcomer gets version 2.
    const newcomer = await t.make.user(units.a);
    const theirs = await t.http
      .post(`/api/courses/${built.course.id}/enroll`)
      .set('Authorization', await t.tokenFor(newcomer.username))
      .expect(201);
    const theirRow = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: theirs.body.enrollmentId });
    expect(theirRow.courseVersionId).toBe(v2.id);
  });

  it('lists my enrolments with the enrolled version, latest activity first', async () => {
    const user = await t.make.user(units.b1);
    const token = await t.tokenFor(user.username);
    const older = await buildCourse(t.db, {
      owner: units.b,
      title: 'An toàn thông tin',
      hours: 8,
      modules: [1],
    });
    const newer = await buildCourse(t.db, { owner: units.b1, title: 'Dữ liệu số', hours: 2.5 });
    const e1 = await t.http
      .post(`/api/courses/${older.course.id}/enroll`)
      .set('Authorization', token)
      .expect(201);
    const e2 = await t.http
      .post(`/api/courses/${newer.course.id}/enroll`)
      .set('Authorization', token)
      .expect(201);

    let mine = await t.http.get('/api/me/enrollments').set('Authorization', token).expect(200);
    expect(mine.body.map((e: { enrollmentId: string }) => e.enrollmentId)).toEqual([
      e2.body.enrollmentId,
      e1.body.enrollmentId,
    ]);

    // Completing the older course's only lesson makes it the latest activity.
    await t.http
      .post(`/api/lessons/${older.lessons[0].id}/complete`)
      .set('Authorization', token)
      .expect(200);
    mine = await t.http.get('/api/me/enrollments').set('Authorization', token).expect(200);
    expect(mine.body).toEqual([
      {
        enrollmentId: e1.body.enrollmentId,
        courseId: older.course.id,
        title: 'An toàn thông tin',
        version: 1,
        hours: 8,
        progress: 100,
        status: 'completed',
        completedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        lastLessonId: older.lessons[0].id,
        year: thisYear(),
        current: true,
      },
      {
        enrollmentId: e2.body.enrollmentId,
        courseId: newer.course.id,
        title: 'Dữ liệu số',
        version: 1,
        hours: 2.5,
        progress: 0,
        status: 'in_progress',
        completedAt: null,
        lastLessonId: null,
        year: thisYear(),
        current: true,
      },
    ]);
  });
});
