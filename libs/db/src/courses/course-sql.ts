/*
 * The courses feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming course, course_version or
 * lesson. Columns read through them: course id, code; version id, course_id, title,
 * version, hours; lesson id, title, course_version_id.
 */

/** Joins `course` as `alias` on its id `courseId` (an SQL expression). */
export const joinCourse = (alias: string, courseId: string) =>
  `JOIN course ${alias} ON ${alias}.id = ${courseId}`;

/** Joins `course_version` as `alias` on its id `versionId` (an SQL expression). */
export const joinCourseVersion = (alias: string, versionId: string) =>
  `JOIN course_version ${alias} ON ${alias}.id = ${versionId}`;

/** Joins `lesson` as `alias` on its id `lessonId` (an SQL expression). */
export const joinLesson = (alias: string, lessonId: string) =>
  `JOIN lesson ${alias} ON ${alias}.id = ${lessonId}`;

/** How many lessons the course version `version` has (a statement, for a scalar subquery). */
export const lessonCountSql = (version: string) =>
  `SELECT count(*) FROM lesson WHERE course_version_id = ${version}`;
