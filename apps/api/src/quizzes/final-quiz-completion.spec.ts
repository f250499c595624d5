import { CertificateEntity, EnrollmentEntity, LessonCompletionEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';
import {
  Learner,
  learnerOn,
  rightAnswers,
  singles,
  startAttempt,
  submitAttempt,
} from './quiz-attempts.fixtures';

/** A passed final quiz completes the course through CourseCompletionService, in the same transaction. */
describe('final quiz and course completion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const start = (l: Learner) => startAttempt(t, l);
  const submit = (l: Learner, attemptId: string, body: unknown) =>
    submitAttempt(t, l, attemptId, body);

  it('completes the course with one pending certificate when the final quiz is passed after all lessons', async () => {
    const l = await learnerOn(t, { kind: 'final', questions: singles(2), passingScore: 100 }, [1]);
    await t.db
      .getRepository(LessonCompletionEntity)
      .insert({ enrollmentId: l.enrollment.id, lessonId: l.built.lessons[0].id });

    const failed = await start(l);
    const fail = await submit(l, failed.attemptId, {
      answers: rightAnswers(l.built, failed.questions).slice(1),
    }).expect(200);
    expect(fail.body).toMatchObject({ score: 50, passed: false, courseCompleted: false });
    const enrollments = t.db.getRepository(EnrollmentEntity);
    expect(await enrollments.findOneByOrFail({ id: l.enrollment.id })).toMatchObject({
      status: 'in_progress',
    });
    const certificates = t.db.getRepository(CertificateEntity);
    expect(await certificates.countBy({ userId: l.user.id })).toBe(0);

    const passed = await start(l);
    const pass = await submit(l, passed.attemptId, {
      answers: rightAnswers(l.built, passed.questions),
    }).expect(200);
    expect(pass.body).toMatchObject({ score: 100, passed: true, courseCompleted: true });
    expect(await enrollments.findOneByOrFail({ id: l.enrollment.id })).toMatchObject({
      status: 'completed',
      progress: 100,
    });
    expect(await certificates.findBy({ userId: l.user.id })).toEqual([
      expect.objectContaining({
        status: 'pending',
        courseVersionId: l.built.version.id,
        enrollmentId: l.enrollment.id,
      }),
    ]);

    // Passing again changes nothing: still one certificate, and not "completed now".
    const again = await start(l);
    const repeat = await submit(l, again.attemptId, {
      answers: rightAnswers(l.built, again.questions),
    }).expect(200);
    expect(repeat.body.courseCompleted).toBe(false);
    expect(await certificates.countBy({ userId: l.user.id })).toBe(1);
  });

  it('does not complete the course on a passed final quiz while lessons remain', async () => {
    const l = await learnerOn(t, { kind: 'final', questions: singles(1) }, [2]);
    const a = await start(l);
    const r = await submit(l, a.attemptId, { answers: rightAnswers(l.built, a.questions) }).expect(
      200,
    );
    expect(r.body).toMatchObject({ passed: true, courseCompleted: false });
    expect(
      await t.db.getRepository(EnrollmentEntity).findOneByOrFail({ id: l.enrollment.id }),
    ).toMatchObject({
      status: 'in_progress',
      progress: 33,
    });
  });

  it('completes the course exactly once when the passing submit races the last lesson', async () => {
    for (let round = 0; round < 3; round++) {
      const l = await learnerOn(t, { kind: 'final', questions: singles(2) }, [1]);
      const a = await start(l);
      const [submitted, lesson] = await Promise.all([
        submit(l, a.attemptId, { answers: rightAnswers(l.built, a.questions) }),
        t.http.post(`/api/lessons/${l.built.lessons[0].id}/complete`).set('Authorization', l.auth),
      ]);
      expect([submitted.status, lesson.status]).toEqual([200, 200]);
      expect(
        await t.db.getRepository(EnrollmentEntity).findOneByOrFail({ id: l.enrollment.id }),
      ).toMatchObject({ status: 'completed', progress: 100 });
      expect(await t.db.getRepository(CertificateEntity).countBy({ userId: l.user.id })).toBe(1);
    }
  });
});
