import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { enrol } from './quiz-attempts.fixtures';
import { NEW_TYPE_QUESTIONS, newTypeAnswers } from './question-types.fixtures';

describe('authoring and analytics of matching, ordering, short-answer and numeric questions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a bank stores each type with its pairs, tolerance and text rule; bad ones are 400 with the reason', async () => {
    const { a } = await t.make.twoProvinces();
    const trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    const post = (url: string, body: object) =>
      t.http.post(url).set('Authorization', trainer).send(body);
    const bankId = (await post('/api/question-banks', { title: 'Ngân hàng mới' }).expect(201)).body
      .id;
    const categoryId = (
      await post(`/api/question-banks/${bankId}/categories`, { name: 'Chương 1' }).expect(201)
    ).body.id;
    for (const q of NEW_TYPE_QUESTIONS) {
      await post(`/api/question-banks/${bankId}/questions`, { ...q, categoryId }).expect(201);
    }
    const bank = (
      await t.http.get(`/api/question-banks/${bankId}`).set('Authorization', trainer).expect(200)
    ).body;
    const byType = Object.fromEntries(bank.questions.map((q: { type: string }) => [q.type, q]));
    expect(byType.matching.options[0]).toMatchObject({ text: 'VNeID', match: 'Định danh điện tử' });
    expect(byType.numeric.options[0]).toMatchObject({ text: '80.5', tolerance: 0.5 });
    expect(byType.short_answer).toMatchObject({ ignoreCase: true, ignoreDiacritics: true });

    const refused = async (body: object) =>
      (
        await post(`/api/question-banks/${bankId}/questions`, {
          categoryId,
          text: 'Câu?',
          ...body,
        }).expect(400)
      ).body.errors[0].message;
    expect(
      await refused({
        type: 'matching',
        options: [
          { text: 'A', correct: true, match: 'a' },
          { text: 'B', correct: true },
        ],
      }),
    ).toMatch(/needs its match/);
    expect(
      await refused({ type: 'numeric', options: [{ text: 'tám mươi', correct: true }] }),
    ).toMatch(/is a number/);
    expect(await refused({ type: 'ordering', options: [{ text: 'Một', correct: true }] })).toMatch(
      /at least 2/,
    );
    expect(await refused({ type: 'single', options: [{ text: 'Một', correct: true }] })).toMatch(
      /at least 2/,
    );
    expect(
      await refused({ type: 'numeric', options: [{ text: '1', correct: true, tolerance: -1 }] }),
    ).toMatch(/tolerance/);
  });

  it('analytics rate the new types by how grading judged each answer', async () => {
    const { a } = await t.make.twoProvinces();
    const trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    const built = await buildCourse(t.db, {
      owner: a,
      quizzes: [{ kind: 'practice', questions: NEW_TYPE_QUESTIONS }],
    });
    const quizId = built.quizzes[0].quiz.id;
    for (const right of [true, false, true]) {
      const learner = await t.make.user(a);
      await enrol(t, learner, built);
      const auth = await t.tokenFor(learner.username);
      const started = (
        await t.http.post(`/api/quizzes/${quizId}/attempts`).set('Authorization', auth).expect(201)
      ).body;
      await t.http
        .post(`/api/attempts/${started.attemptId}/submit`)
        .set('Authorization', auth)
        .send({ answers: newTypeAnswers(started.questions, right) })
        .expect(200);
    }
    const res = await t.http
      .get(`/api/courses/${built.course.id}/analytics`)
      .set('Authorization', trainer)
      .expect(200);
    const questions = res.body.quizzes[0].questions;
    expect(questions).toHaveLength(4);
    for (const q of questions) {
      expect(q).toMatchObject({ answered: 3, difficulty: 0.667, discrimination: 1 });
    }
  });
});
