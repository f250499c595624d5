/*
 * The learning feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming enrollment, so which enrolment
 * counts ("current", "completed in a year") stays this feature's rule and the read stays one
 * set-based statement. Columns callers may read through them: an enrolment's id, user_id,
 * course_id, course_version_id, status, progress, year, current, completed_at.
 */

interface EnrolmentOf {
  /** SQL expression of the learner's id. */
  userId: string;
  /** SQL expression of the course's id. */
  courseId: string;
  /** SQL expression of the course version the enrolment must be pinned to, if any. */
  versionId?: string;
  /** LEFT JOIN (a row also when there is no such enrolment). */
  left?: boolean;
}

const on = (alias: string, o: EnrolmentOf) =>
  `${alias}.course_id = ${o.courseId} AND ${alias}.user_id = ${o.userId}` +
  (o.versionId ? ` AND ${alias}.course_version_id = ${o.versionId}` : '');

/** The learner's current enrolment of the course (at most one: a unique index says so). */
export const currentEnrolmentJoin = (alias: string, o: EnrolmentOf) =>
  `${o.left ? 'LEFT ' : ''}JOIN enrollment ${alias} ON ${on(alias, o)} AND ${alias}.current`;

/**
 * Every learner's current enrolment of the course `courseId` pinned to the version
 * `versionId` (SQL expressions), for a statement that picks the learner in its WHERE (the
 * quiz start and submit, whose text the plan cache and the bench know: keep it as it is).
 */
export const currentEnrolmentsOfVersionJoin = (
  alias: string,
  courseId: string,
  versionId: string,
) =>
  `JOIN enrollment ${alias} ON ${alias}.course_id = ${courseId} AND ${alias}.course_version_id = ${versionId}
                   AND ${alias}.current`;

/** The learner's enrolment of the course completed in training year `year` (an expression). */
export const completedInYearJoin = (alias: string, o: EnrolmentOf & { year: string }) =>
  `${o.left ? 'LEFT ' : ''}JOIN enrollment ${alias} ON ${on(alias, o)}
    AND ${alias}.status = 'completed' AND ${alias}.year = ${o.year}`;

/** `EXISTS`: the learner has an enrolment (of any year) of the course pinned to the version. */
export const hasEnrolmentOfVersion = (o: Required<Omit<EnrolmentOf, 'left'>>) =>
  `EXISTS (SELECT 1 FROM enrollment e WHERE ${on('e', o)})`;
