import type { CourseOutline } from '@dx/contracts';
import { clockText, lessonLocks } from './lesson-locks';

const lesson = (id: string, position: number) => ({
  id,
  title: `Bài ${id}`,
  kind: 'text' as const,
  durationMinutes: 10,
  minSeconds: 0,
  position,
});

const course = (sequentialLessons: boolean) =>
  ({
    sequentialLessons,
    // Modules and lessons out of order on purpose: locks follow positions.
    modules: [
      { id: 'm2', title: 'Chương 2', position: 2, lessons: [lesson('c', 1)] },
      { id: 'm1', title: 'Chương 1', position: 1, lessons: [lesson('b', 2), lesson('a', 1)] },
    ],
  }) as unknown as CourseOutline;

describe('lessonLocks', () => {
  it('locks nothing when the course lets lessons go in any order', () => {
    expect(lessonLocks(course(false), []).locked.size).toBe(0);
  });

  it('locks every lesson after the first unfinished one, in module and lesson order', () => {
    const none = lessonLocks(course(true), []);
    expect([...none.locked]).toEqual(['b', 'c']);
    expect(none.blockedBy?.id).toBe('a');
    const one = lessonLocks(course(true), ['a']);
    expect([...one.locked]).toEqual(['c']);
    expect(one.blockedBy?.id).toBe('b');
    expect(lessonLocks(course(true), ['a', 'b', 'c'])).toEqual({
      locked: new Set(),
      blockedBy: null,
    });
  });
});

describe('clockText', () => {
  it('shows minutes and seconds, never below zero', () => {
    expect(clockText(300)).toBe('5:00');
    expect(clockText(61.2)).toBe('1:02');
    expect(clockText(-3)).toBe('0:00');
  });
});
