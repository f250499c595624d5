import { moved } from './components/CurriculumCoursesEditor';

describe('moving a course in a curriculum', () => {
  it('swaps with the neighbour above or below', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the order as it is past either end, without changing the input', () => {
    const ids = ['a', 'b'];
    expect(moved(ids, 0, -1)).toEqual(['a', 'b']);
    expect(moved(ids, 1, 1)).toEqual(['a', 'b']);
    expect(ids).toEqual(['a', 'b']);
  });
});
