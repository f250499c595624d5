/*
 * The learning feature's pieces of other features' SQL (curricula, quizzes): a read that
 * needs a learner's enrolment beside its own rows composes these instead of naming the
 * table, so which enrolment counts ("current", "completed in a year") stays this feature's
 * rule and the read stays one set-based statement.
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
export function currentEnrolmentJoin(alias: string, o: EnrolmentOf): string {
  return `${o.left ? 'LEFT ' : ''}JOIN enrollment ${alias} ON ${on(alias, o)} AND ${alias}.current`;
}

/** The learner's enrolment of the course completed in training year `year` (an expression). */
export function completedInYearJoin(alias: string, o: EnrolmentOf & { year: string }): string {
  return `${o.left ? 'LEFT ' : ''}JOIN enrollment ${alias} ON ${on(alias, o)}
    AND ${alias}.status = 'completed' AND ${alias}.year = ${o.year}`;
}

/** `EXISTS`: the learner has an enrolment (of any year) of the course pinned to the version. */
export function hasEnrolmentOfVersion(o: Required<Omit<EnrolmentOf, 'left'>>): string {
  return `EXISTS (SELECT 1 FROM enrollment e WHERE ${on('e', o)})`;
}
