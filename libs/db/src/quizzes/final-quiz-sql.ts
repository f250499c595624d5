/*
 * The quizzes feature's SQL pieces for the learning feature's completion check
 * (docs/architecture.md, "cross-owner reads"): statements for scalar subqueries.
 */

/** How many final quizzes the course version `version` has. */
export const finalQuizCountSql = (version: string) =>
  `SELECT count(*) FROM quiz WHERE course_version_id = ${version} AND kind = 'final'`;

/** How many passing attempts the person `user` has at the final quizzes of the version `version`. */
export const passedFinalQuizCountSql = (version: string, user: string) =>
  `SELECT count(*) FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
           WHERE q.course_version_id = ${version} AND q.kind = 'final' AND a.user_id = ${user} AND a.passed`;
