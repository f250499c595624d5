/*
 * The learning feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming enrollment. Columns read
 * through them: id, user_id, course_id, course_version_id, current.
 */

/**
 * Joins, as `e`, the current enrolments on the course `courseId` pinned to the version
 * `versionId` (SQL expressions): a learner's access to that version's content.
 */
export const joinCurrentEnrolment = (courseId: string, versionId: string) =>
  `JOIN enrollment e ON e.course_id = ${courseId} AND e.course_version_id = ${versionId}
                   AND e.current`;
