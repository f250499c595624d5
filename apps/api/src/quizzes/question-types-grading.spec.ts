import { drawAttempt } from './quiz-draw';
import { AnswerKey, answerErrors, grade, KeyPart } from './quiz-grading';
import { comparableText, parseNumber } from './typed-answers';

const part = (text: string, over: Partial<KeyPart> = {}): KeyPart => ({
  text,
  match: null,
  tolerance: null,
  ...over,
});

/** Grades one answer to one question; true when right. */
function right(k: AnswerKey, answer: { optionIds?: string[]; matches?: string[]; text?: string }) {
  const r = grade([k], [{ questionId: k.questionId, optionIds: [], ...answer }], 50);
  return r.review[0].correct;
}

describe('grading matching, ordering, short-answer and numeric questions', () => {
  it('ordering: only the exact sequence of every option is right', () => {
    const k: AnswerKey = {
      questionId: 'o',
      type: 'ordering',
      correctOptionIds: ['a', 'b', 'c'],
      explanation: null,
    };
    expect(right(k, { optionIds: ['a', 'b', 'c'] })).toBe(true);
    expect(right(k, { optionIds: ['b', 'a', 'c'] })).toBe(false);
    expect(right(k, { optionIds: ['a', 'b'] })).toBe(false);
    expect(right(k, {})).toBe(false);
  });

  it('matching: every pair must be right, whatever order the learner answered in', () => {
    const k: AnswerKey = {
      questionId: 'm',
      type: 'matching',
      correctOptionIds: ['vneid', 'dvc'],
      explanation: null,
      parts: [
        part('VNeID', { match: 'Định danh điện tử' }),
        part('DVC', { match: 'Dịch vụ công' }),
      ],
    };
    expect(
      right(k, { optionIds: ['dvc', 'vneid'], matches: ['Dịch vụ công', ' Định  danh điện tử'] }),
    ).toBe(true);
    expect(
      right(k, { optionIds: ['vneid', 'dvc'], matches: ['Dịch vụ công', 'Định danh điện tử'] }),
    ).toBe(false);
    expect(right(k, { optionIds: ['vneid'], matches: ['Định danh điện tử'] })).toBe(false);
    const review = grade([k], [], 50).review[0];
    expect(review).toMatchObject({
      correct: false,
      correctOptionIds: ['vneid', 'dvc'],
      correctMatches: ['Định danh điện tử', 'Dịch vụ công'],
    });
  });

  it('short answer: accepted variants, case ignored by default, diacritics only when the question says so', () => {
    const k = (ignoreDiacritics: boolean): AnswerKey => ({
      questionId: 's',
      type: 'short_answer',
      correctOptionIds: ['x', 'y'],
      explanation: null,
      parts: [part('Hà Nội'), part('Thủ đô Hà Nội')],
      ignoreCase: true,
      ignoreDiacritics,
    });
    expect(right(k(false), { text: '  hà   nội ' })).toBe(true);
    expect(right(k(false), { text: 'THỦ ĐÔ HÀ NỘI' })).toBe(true);
    expect(right(k(false), { text: 'Ha Noi' })).toBe(false);
    expect(right(k(true), { text: 'ha noi' })).toBe(true);
    expect(right(k(true), { text: '' })).toBe(false);
    const caseSensitive = { ...k(false), ignoreCase: false };
    expect(right(caseSensitive, { text: 'hà nội' })).toBe(false);
    // The review names the accepted texts; their option ids were never shown.
    expect(grade([k(false)], [], 50).review[0]).toMatchObject({
      correctOptionIds: [],
      correctAnswers: ['Hà Nội', 'Thủ đô Hà Nội'],
    });
  });

  it('đ is a letter of its own: ignoring diacritics maps it to d', () => {
    expect(comparableText('Đà Nẵng', { ignoreCase: true, ignoreDiacritics: true })).toBe('da nang');
  });

  it('numeric: within the tolerance of an accepted value; a decimal comma is a decimal point', () => {
    const k: AnswerKey = {
      questionId: 'n',
      type: 'numeric',
      correctOptionIds: ['x'],
      explanation: null,
      parts: [part('3.14', { tolerance: 0.01 }), part('22/7')],
    };
    expect(right(k, { text: '3,14' })).toBe(true);
    expect(right(k, { text: '3.149' })).toBe(true);
    expect(right(k, { text: '3.16' })).toBe(false);
    expect(right(k, { text: 'ba phẩy mười bốn' })).toBe(false);
    expect(right(k, { text: '1.000,5' })).toBe(false);
    // A broken accepted value ("22/7") is never matched, and not shown as a key.
    expect(grade([k], [], 50).review[0].correctAnswers).toEqual(['3,14 ± 0,01']);
    expect(parseNumber('-0,5')).toBe(-0.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('')).toBeNull();
  });

  it('a matching answer must pair one text with each option (400), never graded half-read', () => {
    const drawn = [{ questionId: 'm', optionIds: ['a', 'b'] }];
    expect(
      answerErrors(drawn, [{ questionId: 'm', optionIds: ['a', 'b'], matches: ['x'] }]),
    ).toEqual([{ field: 'answers.0.matches', message: expect.any(String) }]);
  });

  it('draws ordering options out of the correct order even without shuffle', () => {
    const bank = [{ id: 'q', optionIds: ['a', 'b'], ordering: true }];
    for (let i = 0; i < 30; i++) {
      expect(drawAttempt(bank, { questionsPerAttempt: null, shuffle: false })[0].optionIds).toEqual(
        ['b', 'a'],
      );
    }
  });
});
