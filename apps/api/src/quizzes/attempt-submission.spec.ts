import { QuizAttemptEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';
import {
  ANSWER_LEAK,
  enrol,
  Learner,
  learnerOn,
  rightAnswers,
  singles,
  startAttempt,
  submitAttempt,
} from './quiz-attempts.fixtures';

describe('quiz attempts: submit, grading, expiry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const start = (l: Learner) => startAttempt(t, l);
  const submit = (l: Learner, attemptId: string, body: unknown) =>
    submitAttempt(t, l, attemptId, body);
  const backdate = (attemptId: string, seconds: number) =>
    t.db.query(
      `UPDATE quiz_attempt SET expires_at = now() - $2 * interval '1 second' WHERE id = $1`,
      [attemptId, seconds],
    );

  const mixedQuiz = {
    kind: 'practice' as const,
    shuffle: false,
    questions: [
      {
        type: 'single' as const,
        text: 'Chữ ký số dùng để làm gì?',
        options: [
          { text: 'Trang trí văn bản', correct: false },
          { text: 'Xác thực người ký và bảo đảm toàn vẹn văn bản', correct: true },
          { text: 'Nén tệp', correct: false },
        ],
        explanation: 'Chữ ký số xác thực người ký.',
      },
      {
        type: 'true_false' as const,
        text: 'Mật khẩu nên dùng chung cho mọi hệ thống.',
        options: [
          { text: 'Đúng', correct: false },
          { text: 'Sai', correct: true },
        ],
      },
      {
        type: 'multiple' as const,
        text: 'Những dữ liệu nào là dữ liệu cá nhân?',
        options: [
          { text: 'Số định danh cá nhân', correct: true },
          { text: 'Giá xăng hôm nay', correct: false },
          { text: 'Số điện thoại', correct: true },
          { text: 'Tên tỉnh', correct: false },
        ],
      },
    ],
  };

  it('grades single, true/false and multiple choice by exact set, and reveals answers only after submit', async () => {
    const l = await learnerOn(t, mixedQuiz);
    const [single, tf, multi] = l.built.quizzes[0].questions.map((q) => ({
      id: q.question.id,
      o: q.options.map((o) => o.id),
    }));
    const a = await start(l);
    const res = await submit(l, a.attemptId, {
      answers: [
        { questionId: single.id, optionIds: [single.o[1]] },
        { questionId: tf.id, optionIds: [tf.o[1]] },
        { questionId: multi.id, optionIds: [multi.o[2], multi.o[0]] },
      ],
    }).expect(200);
    expect(res.body).toEqual({
      score: 100,
      passed: true,
      correctCount: 3,
      total: 3,
      courseCompleted: false,
      reviewPolicy: 'immediately',
      answersShown: true,
      review: [
        {
          questionId: single.id,
          correct: true,
          correctOptionIds: [single.o[1]],
          explanation: 'Chữ ký số xác thực người ký.',
        },
        {
          questionId: tf.id,
          correct: true,
          correctOptionIds: [tf.o[1]],
          explanation: expect.any(String),
        },
        {
          questionId: multi.id,
          correct: true,
          correctOptionIds: [multi.o[0], multi.o[2]],
          explanation: expect.any(String),
        },
      ],
    });
    const after = await t.http
      .get(`/api/attempts/${a.attemptId}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(after.body).toMatchObject({
      status: 'submitted',
      score: 100,
      passed: true,
      review: res.body.review,
    });

    // Subset, superset, two choices on a single question, a missing answer: all wrong.
    for (const [answers, correctCount] of [
      [[{ questionId: multi.id, optionIds: [multi.o[0]] }], 0],
      [[{ questionId: multi.id, optionIds: [multi.o[0], multi.o[1], multi.o[2]] }], 0],
      [
        [
          { questionId: single.id, optionIds: [single.o[1], single.o[0]] },
          { questionId: tf.id, optionIds: [tf.o[1]] },
        ],
        1,
      ],
    ] as const) {
      const b = await start(l);
      const r = await submit(l, b.attemptId, { answers }).expect(200);
      expect(r.body).toMatchObject({
        correctCount,
        total: 3,
        score: Math.round((100 * correctCount) / 3),
        passed: false,
      });
    }
  });

  it('refuses a second submit (409), and grades exactly once under two concurrent submits', async () => {
    const l = await learnerOn(t, { kind: 'practice', questions: singles(3) });
    const a = await start(l);
    await submit(l, a.attemptId, { answers: [] }).expect(200);
    await submit(l, a.attemptId, { answers: rightAnswers(l.built, a.questions) }).expect(409);
    const stored = await t.db.getRepository(QuizAttemptEntity).findOneByOrFail({ id: a.attemptId });
    expect(stored).toMatchObject({ status: 'submitted', score: 0 });

    const b = await start(l);
    const both = await Promise.all([
      submit(l, b.attemptId, { answers: rightAnswers(l.built, b.questions) }),
      submit(l, b.attemptId, { answers: [] }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);

    // Saves racing the submit land before it (204) or are refused (409), never after it.
    const c = await start(l);
    const answers = rightAnswers(l.built, c.questions);
    const save = () =>
      t.http
        .put(`/api/attempts/${c.attemptId}/answers`)
        .set('Authorization', l.auth)
        .send({ answers: [] });
    const raced = await Promise.all([save(), save(), submit(l, c.attemptId, { answers }), save()]);
    expect(raced[2].status).toBe(200);
    for (const r of raced) expect([200, 204, 409]).toContain(r.status);
    expect(
      await t.db.getRepository(QuizAttemptEntity).findOneByOrFail({ id: c.attemptId }),
    ).toMatchObject({ status: 'submitted', score: 100, answers });
  });

  it('after the deadline plus grace answers 409 and records the attempt as expired, counting it', async () => {
    const l = await learnerOn(t, {
      kind: 'final',
      questions: singles(2),
      timeLimitSeconds: 1,
      maxAttempts: 2,
    });
    const a = await start(l);
    await backdate(a.attemptId, 6); // past expiresAt + 5 s grace, by the database clock
    const late = await submit(l, a.attemptId, {
      answers: rightAnswers(l.built, a.questions),
    }).expect(409);
    expect(late.body.message).toMatch(/Time is up/);
    const stored = await t.db.getRepository(QuizAttemptEntity).findOneByOrFail({ id: a.attemptId });
    expect(stored).toMatchObject({ status: 'expired', score: 0, passed: false, correctCount: 0 });
    const state = await t.http
      .get(`/api/attempts/${a.attemptId}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(state.body).toMatchObject({ status: 'expired', score: 0, passed: false });

    // Within the grace the answer still counts.
    const b = await start(l);
    expect(b.number).toBe(2);
    await backdate(b.attemptId, 3);
    await submit(l, b.attemptId, { answers: rightAnswers(l.built, b.questions) }).expect(200);
    await t.http.post(`/api/quizzes/${l.quizId}/attempts`).set('Authorization', l.auth).expect(409);
  });

  it('expires an attempt for real once its time limit and grace have passed', async () => {
    const l = await learnerOn(t, { kind: 'practice', questions: singles(1), timeLimitSeconds: 1 });
    const a = await start(l);
    await new Promise((r) => setTimeout(r, 6_300));
    await submit(l, a.attemptId, { answers: [] }).expect(409);
    expect(
      await t.db.getRepository(QuizAttemptEntity).findOneByOrFail({ id: a.attemptId }),
    ).toMatchObject({
      status: 'expired',
    });
  }, 15_000);

  it('refuses malformed answers with field errors and keeps the attempt open', async () => {
    const l = await learnerOn(t, {
      kind: 'practice',
      questions: singles(2),
      questionsPerAttempt: 1,
    });
    const a = await start(l);
    const q = a.questions[0];
    const [undrawn] = l.built.quizzes[0].questions.filter((x) => x.question.id !== q.id);
    const fieldsOf = async (body: unknown) =>
      (await submit(l, a.attemptId, body).expect(400)).body.errors.map(
        (e: { field: string }) => e.field,
      );

    expect(await fieldsOf({})).toContain('answers');
    expect(await fieldsOf({ answers: 'tất cả' })).toContain('answers');
    expect(await fieldsOf({ answers: ['x'] })).toContain('answers.0');
    expect(await fieldsOf({ answers: [null] })).toContain('answers.0');
    expect(await fieldsOf({ answers: [{ questionId: 'abc', optionIds: ['def'] }] })).toEqual(
      expect.arrayContaining(['answers.0.questionId', 'answers.0.optionIds']),
    );
    expect(
      await fieldsOf({ answers: [{ questionId: q.id, optionIds: q.options[0].id }] }),
    ).toContain('answers.0.optionIds');
    expect(
      await fieldsOf({ answers: Array(501).fill({ questionId: q.id, optionIds: [] }) }),
    ).toContain('answers');
    expect(await fieldsOf({ answers: [], extra: true })).toContain('extra');
    expect(
      await fieldsOf({ answers: [{ questionId: undrawn.question.id, optionIds: [] }] }),
    ).toEqual(['answers.0.questionId']);
    expect(
      await fieldsOf({ answers: [{ questionId: q.id, optionIds: [undrawn.options[0].id] }] }),
    ).toEqual(['answers.0.optionIds']);
    expect(
      await fieldsOf({
        answers: [
          { questionId: q.id, optionIds: [] },
          { questionId: q.id, optionIds: [q.options[0].id] },
        ],
      }),
    ).toEqual(['answers.1.questionId']);

    await submit(l, a.attemptId, { answers: rightAnswers(l.built, a.questions) }).expect(200);
  });

  it('saves progress for resuming, and lets only the owner save, read or submit', async () => {
    const l = await learnerOn(t, { kind: 'practice', questions: singles(2) });
    const a = await start(l);
    const answers = [{ questionId: a.questions[0].id, optionIds: [a.questions[0].options[2].id] }];
    await t.http
      .put(`/api/attempts/${a.attemptId}/answers`)
      .set('Authorization', l.auth)
      .send({ answers })
      .expect(204);
    const resumed = await t.http
      .post(`/api/quizzes/${l.quizId}/attempts`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(resumed.body).toMatchObject({ attemptId: a.attemptId, questions: a.questions, answers });
    expect(resumed.text).not.toMatch(ANSWER_LEAK);

    const other = await t.make.user(await t.make.unit());
    await enrol(t, other, l.built);
    const otherAuth = await t.tokenFor(other.username);
    await t.http
      .post(`/api/attempts/${a.attemptId}/submit`)
      .set('Authorization', otherAuth)
      .send({ answers: [] })
      .expect(404);
    await t.http
      .put(`/api/attempts/${a.attemptId}/answers`)
      .set('Authorization', otherAuth)
      .send({ answers: [] })
      .expect(404);
    await t.http.get(`/api/attempts/${a.attemptId}`).set('Authorization', otherAuth).expect(404);
    await submit(l, a.attemptId, { answers }).expect(200);
    await t.http
      .put(`/api/attempts/${a.attemptId}/answers`)
      .set('Authorization', l.auth)
      .send({ answers })
      .expect(409);
  });
});
