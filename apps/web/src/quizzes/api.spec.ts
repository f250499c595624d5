import { toAnswerList, toAnswerMap } from './api';

describe('answers', () => {
  it('round-trips between the contract list and the per-question map', () => {
    const list = [
      { questionId: 'q1', optionIds: ['a'] },
      { questionId: 'q2', optionIds: ['b', 'c'] },
    ];
    expect(toAnswerMap(list)).toEqual({ q1: ['a'], q2: ['b', 'c'] });
    expect(toAnswerList(toAnswerMap(list))).toEqual(list);
    expect(toAnswerMap(undefined)).toEqual({});
  });
});
