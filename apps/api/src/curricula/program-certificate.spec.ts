import { calendarDate, certificateJobId } from '@dx/contracts';
import { CertificateEntity, EnrollmentEntity, OutboxEntity, UserEntity } from '@dx/db';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { ageTraining } from '../test/training-years';

describe('my curricula and programme certificates', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let trainerA: string;
  let first: BuiltCourse;
  let second: BuiltCourse;
  let curriculumId: string;

  const code = () => `CT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  async function publishedCurriculum(body: object): Promise<string> {
    const res = await t.http
      .post('/api/curricula')
      .set('Authorization', trainerA)
      .send({ code: code(), hoursPerYear: 4, ...body })
      .expect(201);
    await t.http
      .post(`/api/curricula/${res.body.id}/publish`)
      .set('Authorization', trainerA)
      .expect(200);
    return res.body.id;
  }

  async function learner(jobTitle: string | null = null, unit = units.a1) {
    const user = await t.make.user(unit, { fullName: 'Phạm Thị Chương Trình' });
    if (jobTitle) await t.db.getRepository(UserEntity).update({ id: user.id }, { jobTitle });
    return { user, token: await t.tokenFor(user.username) };
  }

  const enrol = (token: string, course: BuiltCourse) =>
    t.http.post(`/api/courses/${course.course.id}/enroll`).set('Authorization', token).expect(201);
  const finish = (token: string, course: BuiltCourse) =>
    t.http.post(`/api/lessons/${course.lessons[0].id}/complete`).set('Authorization', token);

  const programmeCertificates = (userId: string) =>
    t.db.getRepository(CertificateEntity).findBy({ userId, curriculumId, kind: 'program' });

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    trainerA = await t.tokenFor(
      (await t.make.user(units.a, { roles: ['learner', 'trainer'] })).username,
    );
    first = await buildCourse(t.db, {
      owner: units.root,
      title: 'Nhập môn CĐS',
      hours: 4,
      modules: [1],
    });
    second = await buildCourse(t.db, {
      owner: units.a,
      title: 'Chữ ký số',
      hours: 2.5,
      modules: [1],
    });
    curriculumId = await publishedCurriculum({
      title: 'Chương trình CĐS cho công chức văn hóa',
      jobTitles: ['Công chức Văn hóa - Xã hội'],
      courseIds: [first.course.id, second.course.id],
    });
  });
  afterAll(() => t.close());

  it('lists the published curricula for my unit and job title, compared without case or diacritics', async () => {
    const forEveryone = await publishedCurriculum({
      title: 'Kỹ năng số cho mọi người',
      courseIds: [first.course.id],
    });
    const draft = await t.http
      .post('/api/curricula')
      .set('Authorization', trainerA)
      .send({ code: code(), title: 'Bản nháp', hoursPerYear: 1, courseIds: [first.course.id] })
      .expect(201);

    // "hoá" and "hóa" place the tone mark differently; both fold to "hoa".
    const matching = await learner('CÔNG CHỨC VĂN HOÁ - XÃ HỘI');
    const ids = async (token: string) =>
      (await t.http.get('/api/me/curricula').set('Authorization', token).expect(200)).body.map(
        (c: { id: string }) => c.id,
      );
    const mine = await ids(matching.token);
    expect(mine).toEqual(expect.arrayContaining([curriculumId, forEveryone]));
    expect(mine).not.toContain(draft.body.id);

    const otherJob = await learner('Kế toán');
    expect(await ids(otherJob.token)).toEqual(expect.arrayContaining([forEveryone]));
    expect(await ids(otherJob.token)).not.toContain(curriculumId);
    const noJob = await learner(null);
    expect(await ids(noJob.token)).not.toContain(curriculumId);
    const otherProvince = await learner('Công chức Văn hóa - Xã hội', units.b1);
    expect(await ids(otherProvince.token)).not.toContain(curriculumId);
    expect(await ids(otherProvince.token)).not.toContain(forEveryone);
  });

  it('issues the programme certificate once, when the last course is completed, and reports progress', async () => {
    const { user, token } = await learner('Công chức Văn hóa - Xã hội');
    await enrol(token, first);
    await enrol(token, second);

    expect((await finish(token, second).expect(200)).body.courseCompleted).toBe(true);
    expect(await programmeCertificates(user.id)).toHaveLength(0);
    const halfway = await t.http
      .get(`/api/curricula/${curriculumId}`)
      .set('Authorization', token)
      .expect(200);
    expect(halfway.body.progress).toMatchObject({
      coursesTotal: 2,
      coursesCompleted: 1,
      hoursThisYear: 2.5,
      hoursPerYear: 4,
      year: expect.any(Number),
      completed: false,
      certificateId: null,
    });
    expect(
      halfway.body.courses.map((c: { enrollment: { status: string } }) => c.enrollment.status),
    ).toEqual(['in_progress', 'completed']);

    await finish(token, first).expect(200);
    const certificates = await programmeCertificates(user.id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      kind: 'program',
      status: 'pending',
      courseVersionId: null,
      hours: 6.5,
      issuerOrgUnitId: units.a.id,
      snapshot: expect.objectContaining({
        holderName: 'Phạm Thị Chương Trình',
        title: 'Chương trình CĐS cho công chức văn hóa',
        hours: 6.5,
      }),
    });
    const outbox = await t.db
      .getRepository(OutboxEntity)
      .findBy({ jobId: certificateJobId(certificates[0].id) });
    expect(outbox).toEqual([
      expect.objectContaining({
        queue: 'certificates',
        jobName: 'issue',
        payload: { certificateId: certificates[0].id },
      }),
    ]);

    // Completing again, or the same course's certificate flow re-running, adds nothing.
    await finish(token, first).expect(200);
    await finish(token, second).expect(200);
    expect(await programmeCertificates(user.id)).toHaveLength(1);

    const mine = await t.http.get('/api/me/curricula').set('Authorization', token).expect(200);
    expect(mine.body.find((c: { id: string }) => c.id === curriculumId).progress).toMatchObject({
      coursesTotal: 2,
      coursesCompleted: 2,
      hoursThisYear: 6.5,
      completed: true,
      certificateId: certificates[0].id,
    });
  });

  it('counts only hours completed this calendar year', async () => {
    const { user, token } = await learner('Công chức Văn hóa - Xã hội');
    const e = await enrol(token, first);
    await finish(token, first).expect(200);
    await t.db
      .getRepository(EnrollmentEntity)
      .update(
        { id: e.body.enrollmentId },
        { completedAt: new Date(Date.UTC(new Date().getUTCFullYear() - 1, 5, 1)) },
      );
    const detail = await t.http
      .get(`/api/curricula/${curriculumId}`)
      .set('Authorization', token)
      .expect(200);
    expect(detail.body.progress).toMatchObject({ coursesCompleted: 1, hoursThisYear: 0 });
    expect(await programmeCertificates(user.id)).toHaveLength(0);
  });

  it('issues exactly one programme certificate when the last two courses complete at the same time', async () => {
    const learners = await Promise.all(
      [1, 2, 3, 4].map(() => learner('Công chức Văn hóa - Xã hội')),
    );
    for (const { token } of learners) {
      await enrol(token, first);
      await enrol(token, second);
    }
    await Promise.all(
      learners.flatMap(({ token }) => [
        finish(token, first).expect(200),
        finish(token, second).expect(200),
      ]),
    );
    for (const { user } of learners) {
      const certificates = await programmeCertificates(user.id);
      expect(certificates).toHaveLength(1);
      expect(
        await t.db
          .getRepository(OutboxEntity)
          .countBy({ jobId: certificateJobId(certificates[0].id) }),
      ).toBe(1);
    }
  });

  it("issues a programme certificate once per year: last year's courses do not count, re-training earns a new one", async () => {
    const { user, token } = await learner('Công chức Văn hóa - Xã hội');
    await enrol(token, first);
    await enrol(token, second);
    await finish(token, first).expect(200);
    await finish(token, second).expect(200);
    expect(await programmeCertificates(user.id)).toHaveLength(1);
    await ageTraining(t.db, user.id);

    // This year: one course again is not the programme; both are.
    await enrol(token, first);
    await finish(token, first).expect(200);
    expect(await programmeCertificates(user.id)).toHaveLength(1);
    await enrol(token, second);
    await finish(token, second).expect(200);
    const certificates = await programmeCertificates(user.id);
    const thisYear = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
    expect(certificates.map((c) => c.year).sort()).toEqual([thisYear - 1, thisYear]);
  });
});
