import { createTestApp, TestApp } from '../test/test-app';
import { learnerOn, startAttempt, submitAttempt } from './quiz-attempts.fixtures';
import { NEW_TYPE_QUESTIONS, NEW_TYPE_SECRETS, newTypeAnswers } from './question-types.fixtures';

describe('matching, ordering, short-answer and numeric questions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows no key before submit, grades on the server and reviews each type', async () => {
    const l = await learnerOn(t, {
      kind: 'practice',
      questions: NEW_TYPE_QUESTIONS,
      shuffle: false,
    });
    const a = await startAttempt(t, l);
    const raw = JSON.stringify(a);
    for (const secret of NEW_TYPE_SECRETS)
      expect({ secret, leaked: raw.includes(secret) }).toEqual({ secret, leaked: false });
    const byType = Object.fromEntries(a.questions.map((q: { type: string }) => [q.type, q]));
    expect(byType.short_answer.options).toEqual([]);
    expect(byType.numeric.options).toEqual([]);
    // Right-hand texts come sorted: their order says nothing about the pairs.
    expect(byType.matching.choices).toEqual(
      ['Định danh điện tử', 'Nộp hồ sơ trực tuyến', 'Xử lý văn bản điện tử'].sort(),
    );
    expect(byType.ordering.options.map((o: { text: string }) => o.text)).not.toEqual([
      'Đăng nhập bằng VNeID',
      'Điền tờ khai',
      'Đính kèm giấy tờ',
      'Thanh toán lệ phí',
    ]);

    // Saved progress keeps typed text and matches, and resuming shows them back.
    const answers = newTypeAnswers(a.questions, true);
    await t.http
      .put(`/api/attempts/${a.attemptId}/answers`)
      .set('Authorization', l.auth)
      .send({ answers })
      .expect(204);
    const resumed = await t.http
      .get(`/api/attempts/${a.attemptId}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(resumed.body.answers).toEqual(answers);

    const res = await submitAttempt(t, l, a.attemptId, { answers }).expect(200);
    expect(res.body).toMatchObject({ score: 100, correctCount: 4, answersShown: true });
    const review = Object.fromEntries(
      res.body.review.map((r: { questionId: string }) => [
        a.questions.find((q: { id: string }) => q.id === r.questionId).type,
        r,
      ]),
    );
    expect(review.matching.correctMatches).toEqual([
      'Định danh điện tử',
      'Nộp hồ sơ trực tuyến',
      'Xử lý văn bản điện tử',
    ]);
    expect(review.short_answer.correctAnswers).toEqual(['Bộ Khoa học và Công nghệ', 'Bộ KH&CN']);
    expect(review.numeric.correctAnswers).toEqual(['80,5 ± 0,5']);
    expect(review.ordering.correctOptionIds).toHaveLength(4);

    const second = await startAttempt(t, l);
    const wrong = await submitAttempt(t, l, second.attemptId, {
      answers: newTypeAnswers(second.questions, false),
    }).expect(200);
    expect(wrong.body).toMatchObject({ score: 0, correctCount: 0 });
    expect(wrong.body.review.every((r: { correct: boolean }) => !r.correct)).toBe(true);
  });

  it('a failed final attempt leaks no pair, accepted text or value on any endpoint a learner reads', async () => {
    const l = await learnerOn(t, { kind: 'final', questions: NEW_TYPE_QUESTIONS, maxAttempts: 3 });
    const a = await startAttempt(t, l);
    const failed = await submitAttempt(t, l, a.attemptId, {
      answers: newTypeAnswers(a.questions, false),
    }).expect(200);
    const get = async (url: string) =>
      (await t.http.get(url).set('Authorization', l.auth).expect(200)).text;
    const reads: [string, string][] = [
      ['submit', failed.text],
      ['attempt', await get(`/api/attempts/${a.attemptId}`)],
      ['history', await get(`/api/quizzes/${l.quizId}/attempts`)],
      ['quiz info', await get(`/api/quizzes/${l.quizId}`)],
      ['course outline', await get(`/api/courses/${l.built.course.id}`)],
      ['data export', await get('/api/me/data-export')],
    ];
    for (const [what, raw] of reads) {
      for (const secret of NEW_TYPE_SECRETS) {
        expect({ what, secret, leaked: raw.includes(secret) }).toEqual({
          what,
          secret,
          leaked: false,
        });
      }
    }
  });

  it('refuses a matching answer that does not pair every option (400 with the field)', async () => {
    const l = await learnerOn(t, { kind: 'practice', questions: NEW_TYPE_QUESTIONS });
    const a = await startAttempt(t, l);
    const matching = a.questions.find((q: { type: string }) => q.type === 'matching');
    const res = await submitAttempt(t, l, a.attemptId, {
      answers: [
        {
          questionId: matching.id,
          optionIds: matching.options.map((o: { id: string }) => o.id),
          matches: ['x'],
        },
      ],
    }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'answers.0.matches' })]);
  });
});
