import { isAnswered, toAnswerList, toAnswerMap } from './api';

describe('answers', () => {
  it('round-trips between the contract list and the per-question map', () => {
    const list = [
      { questionId: 'q1', optionIds: ['a'] },
      { questionId: 'q2', optionIds: ['b', 'c'] },
      { questionId: 'q3', optionIds: ['d', 'e'], matches: ['x', ''] },
      { questionId: 'q4', optionIds: [], text: '3,5' },
    ];
    expect(toAnswerMap(list)).toEqual({
      q1: { optionIds: ['a'] },
      q2: { optionIds: ['b', 'c'] },
      q3: { optionIds: ['d', 'e'], matches: ['x', ''] },
      q4: { optionIds: [], text: '3,5' },
    });
    expect(toAnswerList(toAnswerMap(list))).toEqual(list);
    expect(toAnswerMap(undefined)).toEqual({});
  });

  it("reads a tab's older copy (bare option lists) as choices", () => {
    const old = { q1: ['a'] } as unknown as Parameters<typeof toAnswerList>[0];
    expect(toAnswerList(old)).toEqual([{ questionId: 'q1', optionIds: ['a'] }]);
  });

  it('counts a question answered only when something was given', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ optionIds: [] })).toBe(false);
    expect(isAnswered({ optionIds: ['a'] })).toBe(true);
    expect(isAnswered({ optionIds: [], text: '  ' })).toBe(false);
    expect(isAnswered({ optionIds: [], text: 'Hà Nội' })).toBe(true);
    expect(isAnswered({ optionIds: ['a', 'b'], matches: ['', ''] })).toBe(false);
    expect(isAnswered({ optionIds: ['a', 'b'], matches: ['', 'x'] })).toBe(true);
  });
});
