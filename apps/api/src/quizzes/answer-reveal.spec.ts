import type { ReviewPolicy } from '@dx/contracts';
import { createTestApp, TestApp } from '../test/test-app';
import { answersRevealed } from './answer-reveal';
import {
  Learner,
  learnerOn,
  rightAnswers,
  singles,
  startAttempt,
  submitAttempt,
} from './quiz-attempts.fixtures';

describe('answer-reveal policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = (l: Learner, url: string) => t.http.get(url).set('Authorization', l.auth).expect(200);

  /** Takes one attempt, right or wrong on every question; returns the submit response. */
  async function take(l: Learner, right: boolean) {
    const a = await startAttempt(t, l);
    const answers = right ? rightAnswers(l.built, a.questions) : wrongAnswers(l, a.questions);
    const res = await submitAttempt(t, l, a.attemptId, { answers }).expect(200);
    return { attemptId: a.attemptId as string, res };
  }

  /** A wrong option for each shown question, read from the bank (options are shuffled). */
  function wrongAnswers(l: Learner, questions: { id: string }[]) {
    const bank = l.built.quizzes[0].questions;
    return questions.map((q) => {
      const options = bank.find((b) => b.question.id === q.id)?.options ?? [];
      return { questionId: q.id, optionIds: [options.find((o) => !o.correct)?.id ?? ''] };
    });
  }

  /** Every correct option id and explanation of the quiz's bank: what must not leak. */
  function answerKey(l: Learner): string[] {
    return l.built.quizzes[0].questions.flatMap((q) => [
      ...q.options.filter((o) => o.correct).map((o) => o.id),
      q.question.explanation ?? '',
    ]);
  }

  /** A response body holds no answer key: no review entry, no correct flag, no explanation. */
  function expectNoAnswerKey(l: Learner, what: string, raw: string, opts = { optionsShown: true }) {
    expect({ what, leak: raw.match(/"correct"|"correctOptionIds":\s*\["|"explanation"/) }).toEqual({
      what,
      leak: null,
    });
    for (const secret of answerKey(l)) {
      // Closed attempts list the options they showed (ids and text); only ids are then fine.
      if (opts.optionsShown && /^[0-9a-f-]{36}$/.test(secret)) continue;
      expect({ what, leaked: raw.includes(secret) }).toEqual({ what, leaked: false });
    }
  }

  it('a failed final attempt shows its score but no answer on any endpoint a learner can call; passing reveals them', async () => {
    const l = await learnerOn(t, { kind: 'final', questions: singles(4), maxAttempts: 3 });
    const failed = await take(l, false);
    expect(failed.res.body).toEqual({
      score: 0,
      passed: false,
      correctCount: 0,
      total: 4,
      reviewPolicy: 'after_passing',
      answersShown: false,
      review: [],
      courseCompleted: false,
    });

    const courseId = l.built.course.id;
    const reads: [string, string][] = [
      ['submit', failed.res.text],
      ['attempt', (await get(l, `/api/attempts/${failed.attemptId}`)).text],
      ['history', (await get(l, `/api/quizzes/${l.quizId}/attempts`)).text],
      ['quiz info', (await get(l, `/api/quizzes/${l.quizId}`)).text],
      ['course outline', (await get(l, `/api/courses/${courseId}`)).text],
      ['enrolments', (await get(l, '/api/me/enrollments')).text],
      ['data export', (await get(l, '/api/me/data-export')).text],
    ];
    for (const [what, raw] of reads) expectNoAnswerKey(l, what, raw);
    const state = JSON.parse(reads[1][1]);
    expect(state).toMatchObject({ status: 'submitted', score: 0, answersShown: false, review: [] });
    // The failed attempt's own choices are all that a correct option id could hide behind.
    const chosen = new Set(state.answers.flatMap((a: { optionIds: string[] }) => a.optionIds));
    for (const id of answerKey(l)) expect(chosen.has(id)).toBe(false);
    expect(JSON.parse(reads[3][1])).toMatchObject({ reviewPolicy: 'after_passing' });

    // While the next attempt is open, the failed one still shows nothing.
    const second = await startAttempt(t, l);
    expectNoAnswerKey(l, 'open attempt', JSON.stringify(second));
    expectNoAnswerKey(
      l,
      'failed, next open',
      (await get(l, `/api/attempts/${failed.attemptId}`)).text,
    );

    const answers = rightAnswers(l.built, second.questions);
    const passed = await submitAttempt(t, l, second.attemptId, { answers }).expect(200);
    expect(passed.body).toMatchObject({ score: 100, passed: true, answersShown: true });
    expect(passed.body.review).toHaveLength(4);
    expect(passed.body.review[0]).toEqual({
      questionId: expect.any(String),
      correct: true,
      correctOptionIds: [expect.any(String)],
      explanation: expect.stringMatching(/^Giải thích câu/),
    });
    // Once passed, the earlier failed attempt's review opens too.
    const before = (await get(l, `/api/attempts/${failed.attemptId}`)).body;
    expect(before).toMatchObject({ score: 0, answersShown: true });
    expect(before.review.map((r: { correct: boolean }) => r.correct)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('after_last_attempt reveals once no attempt is left, never with unlimited attempts', async () => {
    const l = await learnerOn(t, {
      kind: 'final',
      questions: singles(3),
      maxAttempts: 2,
      reviewPolicy: 'after_last_attempt',
    });
    const first = await take(l, false);
    expect(first.res.body).toMatchObject({ answersShown: false, review: [] });
    const last = await take(l, false);
    expect(last.res.body).toMatchObject({ score: 0, answersShown: true });
    expect(last.res.body.review).toHaveLength(3);
    const earlier = (await get(l, `/api/attempts/${first.attemptId}`)).body;
    expect(earlier.review).toHaveLength(3);

    const unlimited = await learnerOn(t, {
      kind: 'practice',
      questions: singles(2),
      reviewPolicy: 'after_last_attempt',
    });
    for (let i = 0; i < 3; i++) {
      expect((await take(unlimited, false)).res.body).toMatchObject({ answersShown: false });
    }
  });

  it('never hides answers even after passing; practice quizzes show them at once by default', async () => {
    const never = await learnerOn(t, {
      kind: 'final',
      questions: singles(2),
      reviewPolicy: 'never',
    });
    const passed = await take(never, true);
    expect(passed.res.body).toMatchObject({ score: 100, passed: true, answersShown: false });
    expectNoAnswerKey(never, 'never: submit', passed.res.text);
    expectNoAnswerKey(
      never,
      'never: attempt',
      (await get(never, `/api/attempts/${passed.attemptId}`)).text,
    );

    const practice = await learnerOn(t, { kind: 'practice', questions: singles(2) });
    const failed = await take(practice, false);
    expect(failed.res.body).toMatchObject({ reviewPolicy: 'immediately', answersShown: true });
    expect(failed.res.body.review).toHaveLength(2);
  });
});

describe('answersRevealed', () => {
  const facts = (policy: ReviewPolicy, over: object = {}) => ({
    policy,
    maxAttempts: 3,
    passed: false,
    lastNumber: 1,
    openNow: false,
    ...over,
  });

  it('follows each policy, and nothing but immediately reveals while another attempt is open', () => {
    expect(answersRevealed(facts('immediately', { openNow: true }))).toBe(true);
    expect(answersRevealed(facts('after_passing'))).toBe(false);
    expect(answersRevealed(facts('after_passing', { passed: true }))).toBe(true);
    expect(answersRevealed(facts('after_passing', { passed: true, openNow: true }))).toBe(false);
    expect(answersRevealed(facts('after_last_attempt', { lastNumber: 2 }))).toBe(false);
    expect(answersRevealed(facts('after_last_attempt', { lastNumber: 3 }))).toBe(true);
    expect(answersRevealed(facts('after_last_attempt', { maxAttempts: null, lastNumber: 9 }))).toBe(
      false,
    );
    expect(answersRevealed(facts('never', { passed: true, lastNumber: 3 }))).toBe(false);
  });
});
