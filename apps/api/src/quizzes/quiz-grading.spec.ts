import { randomUUID } from 'node:crypto';
import { drawAttempt } from './quiz-draw';
import { AnswerKey, answerErrors, grade } from './quiz-grading';

const key = (type: AnswerKey['type'], correct: string[]): AnswerKey => ({
  questionId: randomUUID(),
  type,
  correctOptionIds: correct,
  explanation: 'Giải thích',
});

describe('grading', () => {
  it('counts a multiple-choice question only for the exact set: subset and superset are wrong', () => {
    const q = key('multiple', ['a', 'b']);
    const score = (optionIds: string[]) =>
      grade([q], [{ questionId: q.questionId, optionIds }], 50).correctCount;
    expect(score(['b', 'a'])).toBe(1);
    expect(score(['a'])).toBe(0);
    expect(score(['a', 'b', 'c'])).toBe(0);
    expect(score([])).toBe(0);
  });

  it('grades several choices on a single or true/false question as wrong', () => {
    const broken = key('single', ['a', 'b']); // a data error must not reward ticking everything
    const tf = key('true_false', ['t']);
    const r = grade(
      [broken, tf],
      [
        { questionId: broken.questionId, optionIds: ['a', 'b'] },
        { questionId: tf.questionId, optionIds: ['t', 'f'] },
      ],
      50,
    );
    expect(r.review.map((x) => x.correct)).toEqual([false, false]);
  });

  it('rounds the score, counts missing answers as wrong and passes at exactly the passing score', () => {
    const keys = [key('single', ['a']), key('single', ['a']), key('single', ['a'])];
    const r = grade(keys, [{ questionId: keys[0].questionId, optionIds: ['a'] }], 33);
    expect(r).toMatchObject({ score: 33, passed: true, correctCount: 1, total: 3 });
    expect(grade(keys, [], 0)).toMatchObject({ score: 0, passed: true });
  });

  it('reports answers outside the draw, foreign options and repeated questions with field names', () => {
    const drawn = [
      { questionId: 'q1', optionIds: ['a', 'b'] },
      { questionId: 'q2', optionIds: ['c'] },
    ];
    expect(
      answerErrors(drawn, [
        { questionId: 'q1', optionIds: ['c'] },
        { questionId: 'q9', optionIds: [] },
        { questionId: 'q2', optionIds: ['c'] },
        { questionId: 'q2', optionIds: [] },
      ]).map((e) => e.field),
    ).toEqual(['answers.0.optionIds', 'answers.1.questionId', 'answers.3.questionId']);
  });
});

describe('draw', () => {
  const bank = Array.from({ length: 6 }, (_, i) => ({
    id: `q${i}`,
    optionIds: ['a', 'b', 'c', 'd'].map((o) => `${i}${o}`),
  }));

  it("keeps the author's order without shuffle, even for a random subset", () => {
    for (let i = 0; i < 20; i++) {
      const d = drawAttempt(bank, { questionsPerAttempt: 3, shuffle: false });
      const ids = d.map((q) => q.questionId);
      expect(ids).toEqual([...ids].sort());
      d.forEach((q) =>
        expect(q.optionIds).toEqual(bank.find((b) => b.id === q.questionId)?.optionIds),
      );
    }
  });

  it('draws uniformly: every question about equally often over many draws', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      for (const q of drawAttempt(bank, { questionsPerAttempt: 2, shuffle: true })) {
        seen.set(q.questionId, (seen.get(q.questionId) ?? 0) + 1);
      }
    }
    // Expected 1000 each; ±15 % is > 6 standard deviations.
    for (const b of bank) expect(Math.abs((seen.get(b.id) ?? 0) - 1000)).toBeLessThan(150);
  });

  it('draws the whole bank when questionsPerAttempt is null or larger than the bank', () => {
    expect(drawAttempt(bank, { questionsPerAttempt: null, shuffle: true })).toHaveLength(6);
    expect(drawAttempt(bank, { questionsPerAttempt: 99, shuffle: true })).toHaveLength(6);
  });
});
