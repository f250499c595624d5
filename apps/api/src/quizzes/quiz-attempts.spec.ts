import { QuizAttemptEntity } from '@dx/db';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { ANSWER_LEAK, enrol, learnerOn, rightAnswers, singles } from './quiz-attempts.fixtures';

describe('quiz attempts: start, resume, draw', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const start = (auth: string, quizId: string) =>
    t.http.post(`/api/quizzes/${quizId}/attempts`).set('Authorization', auth);

  it('starts with ids and text only, and returns the same open attempt unchanged on resume', async () => {
    const l = await learnerOn(t, {
      kind: 'final',
      questions: singles(5),
      questionsPerAttempt: 3,
      timeLimitSeconds: 600,
    });
    const first = await start(l.auth, l.quizId).expect(201);
    expect(first.text).not.toMatch(ANSWER_LEAK);
    expect(first.body).toMatchObject({
      attemptId: expect.any(String),
      status: 'open',
      number: 1,
      answers: [],
    });
    expect(first.body.questions).toHaveLength(3);
    for (const q of first.body.questions) {
      expect(Object.keys(q).sort()).toEqual(['id', 'options', 'text', 'type']);
      expect(q.options).toHaveLength(4);
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'text']);
    }
    // The deadline comes from the database clock and the quiz's time limit.
    expect(Date.parse(first.body.expiresAt) - Date.parse(first.body.startedAt)).toBe(600_000);

    const again = await start(l.auth, l.quizId).expect(200);
    expect(again.body).toEqual(first.body);
    const state = await t.http
      .get(`/api/attempts/${first.body.attemptId}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(state.text).not.toMatch(ANSWER_LEAK);
    expect(state.body).toEqual(first.body);
    const stored = await t.db
      .getRepository(QuizAttemptEntity)
      .findOneByOrFail({ id: first.body.attemptId });
    expect(stored.drawn).toEqual(
      first.body.questions.map((q: { id: string; options: { id: string }[] }) => ({
        questionId: q.id,
        optionIds: q.options.map((o) => o.id),
      })),
    );
  });

  it('hides the quiz (404) from learners not enrolled on its course version', async () => {
    const l = await learnerOn(t, { kind: 'final' });
    const stranger = await t.make.user(await t.make.unit());
    const strangerAuth = await t.tokenFor(stranger.username);
    await start(strangerAuth, l.quizId).expect(404);
    await t.http
      .get(`/api/quizzes/${l.quizId}/attempts`)
      .set('Authorization', strangerAuth)
      .expect(404);

    // Enrolled on the course but pinned to another version: the quiz of this one is not theirs.
    const other = await buildCourse(t.db, {
      owner: await t.make.unit(),
      quizzes: [{ kind: 'final' }],
    });
    const pinned = await t.make.user(await t.make.unit());
    await enrol(t, pinned, { ...l.built, version: other.version });
    await start(await t.tokenFor(pinned.username), l.quizId).expect(404);

    await start(l.auth, 'not-a-uuid').expect(400);
    await start(l.auth, '7d1b8a4e-3c1f-4b7e-9a51-2f0d8c6e4b10').expect(404);
  });

  it('lets 20 parallel starts create exactly one attempt, and refuses a start beyond maxAttempts', async () => {
    const l = await learnerOn(t, { kind: 'final', questions: singles(2), maxAttempts: 3 });
    const responses = await Promise.all(Array.from({ length: 20 }, () => start(l.auth, l.quizId)));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201].sort());
    expect(new Set(responses.map((r) => r.body.attemptId)).size).toBe(1);
    const repo = t.db.getRepository(QuizAttemptEntity);
    expect(await repo.countBy({ userId: l.user.id, quizId: l.quizId })).toBe(1);

    for (let n = 1; n <= 3; n++) {
      const a = n === 1 ? responses[0] : await start(l.auth, l.quizId).expect(201);
      expect(a.body.number).toBe(n);
      await t.http
        .post(`/api/attempts/${a.body.attemptId}/submit`)
        .set('Authorization', l.auth)
        .send({ answers: [] })
        .expect(200);
    }
    const refused = await start(l.auth, l.quizId).expect(409);
    expect(refused.body.message).toMatch(/3 attempts/);
    const parallel = await Promise.all(Array.from({ length: 5 }, () => start(l.auth, l.quizId)));
    expect(parallel.map((r) => r.status)).toEqual(Array(5).fill(409));
    expect(await repo.countBy({ userId: l.user.id, quizId: l.quizId })).toBe(3);

    const history = await t.http
      .get(`/api/quizzes/${l.quizId}/attempts`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(
      history.body.map((h: { number: number; status: string }) => [h.number, h.status]),
    ).toEqual([
      [1, 'submitted'],
      [2, 'submitted'],
      [3, 'submitted'],
    ]);
    expect(history.body[0]).toMatchObject({
      score: 0,
      passed: false,
      submittedAt: expect.any(String),
    });
  });

  it('draws every question of the bank over 30 attempts and shuffles options between attempts', async () => {
    const l = await learnerOn(t, {
      kind: 'practice',
      questions: singles(10),
      questionsPerAttempt: 3,
      shuffle: true,
    });
    const seen = new Set<string>();
    const orders = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const a = await start(l.auth, l.quizId).expect(201);
      expect(a.body.questions).toHaveLength(3);
      expect(new Set(a.body.questions.map((q: { id: string }) => q.id)).size).toBe(3);
      for (const q of a.body.questions) {
        seen.add(q.id);
        orders.add(q.options.map((o: { text: string }) => o.text).join('|'));
      }
      const answers = rightAnswers(l.built, a.body.questions);
      const res = await t.http
        .post(`/api/attempts/${a.body.attemptId}/submit`)
        .set('Authorization', l.auth)
        .send({ answers });
      expect(res.body).toMatchObject({ score: 100, passed: true, courseCompleted: false });
    }
    expect(seen.size).toBe(10);
    expect(orders.size).toBeGreaterThan(1);
  });

  it("keeps questions and options in the author's order when shuffle is off", async () => {
    const l = await learnerOn(t, { kind: 'practice', questions: singles(4), shuffle: false });
    const a = await start(l.auth, l.quizId).expect(201);
    const bank = l.built.quizzes[0].questions;
    expect(a.body.questions.map((q: { id: string }) => q.id)).toEqual(
      bank.map((q) => q.question.id),
    );
    expect(a.body.questions[0].options.map((o: { id: string }) => o.id)).toEqual(
      bank[0].options.map((o) => o.id),
    );
  });

  it('closes an open attempt past its deadline when the next one starts, and counts it', async () => {
    const l = await learnerOn(t, {
      kind: 'final',
      questions: singles(2),
      timeLimitSeconds: 60,
      maxAttempts: 2,
    });
    const first = await start(l.auth, l.quizId).expect(201);
    await t.db.query(
      `UPDATE quiz_attempt SET expires_at = now() - interval '6 seconds' WHERE id = $1`,
      [first.body.attemptId],
    );
    const history = await t.http
      .get(`/api/quizzes/${l.quizId}/attempts`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({ status: 'expired', score: 0, passed: false }),
    ]);

    const second = await start(l.auth, l.quizId).expect(201);
    expect(second.body.number).toBe(2);
    const old = await t.db
      .getRepository(QuizAttemptEntity)
      .findOneByOrFail({ id: first.body.attemptId });
    expect(old).toMatchObject({
      status: 'expired',
      score: 0,
      passed: false,
      correctCount: 0,
      total: 2,
    });
    await t.db.query(
      `UPDATE quiz_attempt SET expires_at = now() - interval '6 seconds' WHERE id = $1`,
      [second.body.attemptId],
    );
    await start(l.auth, l.quizId).expect(409);
  });

  it('shows an attempt to its owner only (404 for anyone else)', async () => {
    const l = await learnerOn(t, { kind: 'final' });
    const a = await start(l.auth, l.quizId).expect(201);
    const other = await t.make.user(await t.make.unit());
    await enrol(t, other, l.built);
    await t.http
      .get(`/api/attempts/${a.body.attemptId}`)
      .set('Authorization', await t.tokenFor(other.username))
      .expect(404);
    await t.http.get('/api/attempts/abc').set('Authorization', l.auth).expect(400);
  });
});
