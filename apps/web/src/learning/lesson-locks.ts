import type { CourseOutline } from '@dx/contracts';

/** Lessons of the outline in reading order (module, then lesson), as the server orders them. */
export function lessonsInOrder(course: CourseOutline): { id: string; title: string }[] {
  return [...course.modules]
    .sort((a, b) => a.position - b.position)
    .flatMap((m) => [...m.lessons].sort((a, b) => a.position - b.position));
}

/**
 * In a course whose lessons go in order, the lessons after the first unfinished one are
 * locked (the server refuses their completion); `blockedBy` is that first unfinished one.
 * Nothing is locked in other courses.
 */
export function lessonLocks(
  course: CourseOutline,
  completedLessonIds: readonly string[],
): { locked: Set<string>; blockedBy: { id: string; title: string } | null } {
  const locked = new Set<string>();
  if (!course.sequentialLessons) return { locked, blockedBy: null };
  const done = new Set(completedLessonIds);
  let blockedBy: { id: string; title: string } | null = null;
  for (const lesson of lessonsInOrder(course)) {
    if (blockedBy) locked.add(lesson.id);
    else if (!done.has(lesson.id)) blockedBy = lesson;
  }
  return { locked, blockedBy };
}

/** "m:ss" of a countdown. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
