import { createTestApp, TestApp } from '../test/test-app';
import { learnerOn, rightAnswers, startAttempt, submitAttempt } from './quiz-attempts.fixtures';

describe('GET /api/quizzes/:id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tells an enrolled learner the rules and their use of the quiz, without any question', async () => {
    const questions = Array.from({ length: 4 }, () => ({}));
    const l = await learnerOn(t, {
      kind: 'final',
      maxAttempts: 2,
      questionsPerAttempt: 3,
      timeLimitSeconds: 600,
      questions,
    });
    const before = await t.http
      .get(`/api/quizzes/${l.quizId}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(before.body).toEqual({
      id: l.quizId,
      courseId: l.built.course.id,
      title: 'Bài kiểm tra cuối khóa',
      kind: 'final',
      passingScore: 50,
      timeLimitSeconds: 600,
      maxAttempts: 2,
      questionCount: 3,
      attemptsUsed: 0,
      passed: false,
      reviewPolicy: 'after_passing',
    });

    const started = await startAttempt(t, l);
    await submitAttempt(t, l, started.attemptId, {
      answers: rightAnswers(l.built, started.questions),
    }).expect(200);
    const after = await t.http
      .get(`/api/quizzes/${l.quizId}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(after.body).toMatchObject({ attemptsUsed: 1, passed: true });
  });

  it('is 404 for someone not enrolled, and 400 for an id that is not a UUID', async () => {
    const l = await learnerOn(t, { kind: 'practice' });
    const stranger = await t.make.user(await t.make.unit());
    await t.http
      .get(`/api/quizzes/${l.quizId}`)
      .set('Authorization', await t.tokenFor(stranger.username))
      .expect(404);
    await t.http.get('/api/quizzes/nope').set('Authorization', l.auth).expect(400);
  });
});
