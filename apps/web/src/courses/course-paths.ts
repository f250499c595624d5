import type { CourseOutline, NextCourseItem } from '@dx/contracts';

export function firstLessonId(course: Pick<CourseOutline, 'modules'>): string | null {
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  for (const mod of modules) {
    const lessons = [...mod.lessons].sort((a, b) => a.position - b.position);
    if (lessons[0]) return lessons[0].id;
  }
  return null;
}

export function lessonPath(courseId: string, lessonId: string): string {
  return `/learn/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}`;
}

export function quizPath(quizId: string, courseId?: string | null): string {
  const base = `/quizzes/${encodeURIComponent(quizId)}`;
  return courseId ? `${base}?course=${encodeURIComponent(courseId)}` : base;
}

/** Where "Tiếp tục học" goes: the last lesson opened, else the first one. */
export function resumePath(
  courseId: string,
  lastLessonId: string | null | undefined,
  course?: Pick<CourseOutline, 'modules'>,
): string {
  const lessonId = lastLessonId ?? (course ? firstLessonId(course) : null);
  return lessonId ? lessonPath(courseId, lessonId) : `/courses/${encodeURIComponent(courseId)}`;
}

/** Where "continue" goes: the next unfinished lesson or the final quiz; else the course. */
export function nextItemPath(courseId: string, next: NextCourseItem | null | undefined): string {
  if (!next) return `/courses/${encodeURIComponent(courseId)}`;
  return next.kind === 'lesson' ? lessonPath(courseId, next.id) : quizPath(next.id, courseId);
}
