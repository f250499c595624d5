import { certificateJobId } from '@dx/contracts';
import { CertificateEntity, EnrollmentEntity, OutboxEntity, QuizAttemptEntity } from '@dx/db';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { CourseCompletionService } from './course-completion.service';

describe('course completion', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
  });
  afterAll(() => t.close());

  async function learnerIn(course: BuiltCourse) {
    const user = await t.make.user(units.a1, { fullName: 'Lê Văn Hoàn Thành' });
    const token = await t.tokenFor(user.username);
    const res = await t.http
      .post(`/api/courses/${course.course.id}/enroll`)
      .set('Authorization', token)
      .expect(201);
    return { user, token, enrollmentId: res.body.enrollmentId as string };
  }

  const complete = (token: string, lessonId: string) =>
    t.http.post(`/api/lessons/${lessonId}/complete`).set('Authorization', token).expect(200);

  async function certificatesOf(enrollmentId: string) {
    const certificates = await t.db.getRepository(CertificateEntity).findBy({ enrollmentId });
    const outbox = certificates.length
      ? await t.db
          .getRepository(OutboxEntity)
          .findBy(certificates.map((c) => ({ jobId: certificateJobId(c.id) })))
      : [];
    return { certificates, outbox };
  }

  it('completes a course without a final quiz with its last lesson: one pending certificate, one outbox row', async () => {
    const course = await buildCourse(t.db, {
      owner: units.a,
      title: 'Chính quyền số',
      hours: 6,
      modules: [1, 1],
    });
    const { user, token, enrollmentId } = await learnerIn(course);

    expect((await complete(token, course.lessons[0].id)).body).toEqual({
      progress: 50,
      courseCompleted: false,
    });
    expect((await certificatesOf(enrollmentId)).certificates).toHaveLength(0);
    expect((await complete(token, course.lessons[1].id)).body).toEqual({
      progress: 100,
      courseCompleted: true,
    });

    const enrollment = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: enrollmentId });
    expect(enrollment).toMatchObject({
      status: 'completed',
      progress: 100,
      completedAt: expect.any(Date),
    });
    const { certificates, outbox } = await certificatesOf(enrollmentId);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      kind: 'course',
      status: 'pending',
      userId: user.id,
      courseVersionId: course.version.id,
      hours: 6,
      snapshot: expect.objectContaining({
        holderName: 'Lê Văn Hoàn Thành',
        title: 'Chính quyền số',
        hours: 6,
      }),
    });
    expect(outbox).toEqual([
      expect.objectContaining({
        queue: 'certificates',
        jobName: 'issue',
        jobId: certificateJobId(certificates[0].id),
        payload: { certificateId: certificates[0].id },
        sentAt: null,
      }),
    ]);

    // Completing again changes nothing.
    for (const lesson of course.lessons) {
      expect((await complete(token, lesson.id)).body).toEqual({
        progress: 100,
        courseCompleted: false,
      });
    }
    const after = await certificatesOf(enrollmentId);
    expect(after.certificates.map((c) => c.id)).toEqual([certificates[0].id]);
    expect(after.outbox).toHaveLength(1);
  });

  it("has the certificate issued by the course's issuing unit when it is not the owner", async () => {
    const institution = await t.make.unit(units.b, 'Trường Bồi dưỡng cán bộ thử nghiệm');
    const course = await buildCourse(t.db, { owner: units.a, title: 'Dữ liệu số', modules: [1] });
    await t.db.query(`UPDATE course SET issuer_org_unit_id = $2 WHERE id = $1`, [
      course.course.id,
      institution.id,
    ]);
    const { token, enrollmentId } = await learnerIn(course);
    await complete(token, course.lessons[0].id);
    const { certificates } = await certificatesOf(enrollmentId);
    expect(certificates).toEqual([
      expect.objectContaining({
        issuerOrgUnitId: institution.id,
        snapshot: expect.objectContaining({
          issuerName: 'Trường Bồi dưỡng cán bộ thử nghiệm',
          issuerCode: institution.code,
        }),
      }),
    ]);
  });

  it('waits for a passed final quiz before completing, and practice quizzes do not count', async () => {
    const course = await buildCourse(t.db, {
      owner: units.a,
      modules: [2],
      quizzes: [{ kind: 'final' }, { kind: 'practice' }],
    });
    const finalQuiz = course.quizzes[0].quiz;
    const { user, token, enrollmentId } = await learnerIn(course);

    expect((await complete(token, course.lessons[0].id)).body.progress).toBe(33);
    expect((await complete(token, course.lessons[1].id)).body).toEqual({
      progress: 66,
      courseCompleted: false,
    });

    // A failed attempt does not help.
    const attempts = t.db.getRepository(QuizAttemptEntity);
    const base = {
      userId: user.id,
      quizId: finalQuiz.id,
      enrollmentId,
      status: 'submitted' as const,
      drawn: [],
    };
    await attempts.insert({ ...base, number: 1, passed: false, score: 0, submittedAt: new Date() });
    expect((await complete(token, course.lessons[1].id)).body).toEqual({
      progress: 66,
      courseCompleted: false,
    });
    expect((await certificatesOf(enrollmentId)).certificates).toHaveLength(0);

    await attempts.insert({
      ...base,
      number: 2,
      passed: true,
      score: 100,
      submittedAt: new Date(),
    });
    // What the quizzes feature does after a passed final attempt.
    const completion = t.app.get(CourseCompletionService);
    const outcome = await t.db.transaction((tx) => completion.refresh(tx, enrollmentId));
    expect(outcome).toEqual({ progress: 100, completedNow: true });
    expect(await t.db.transaction((tx) => completion.refresh(tx, enrollmentId))).toEqual({
      progress: 100,
      completedNow: false,
    });

    const { certificates, outbox } = await certificatesOf(enrollmentId);
    expect(certificates).toHaveLength(1);
    expect(outbox).toHaveLength(1);
  });

  it('counts a passed final quiz as one step of progress even before the lessons', async () => {
    const course = await buildCourse(t.db, {
      owner: units.a,
      modules: [3],
      quizzes: [{ kind: 'final' }],
    });
    const { user, token, enrollmentId } = await learnerIn(course);
    await t.db.getRepository(QuizAttemptEntity).insert({
      userId: user.id,
      quizId: course.quizzes[0].quiz.id,
      enrollmentId,
      number: 1,
      status: 'submitted',
      drawn: [],
      passed: true,
      score: 100,
    });
    expect((await complete(token, course.lessons[0].id)).body).toEqual({
      progress: 50,
      courseCompleted: false,
    });
    await complete(token, course.lessons[1].id);
    expect((await complete(token, course.lessons[2].id)).body).toEqual({
      progress: 100,
      courseCompleted: true,
    });
  });
});
