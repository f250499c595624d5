import { courseVersionJoin, lessonCountSql, lessonJoin } from '../courses/course-sql';
import type { Statement } from '../prepared-statement';
import { finalQuizCountSql, passedFinalQuizCountSql } from '../quizzes/final-quiz-sql';

/*
 * The learning feature's hot SQL on enrolments and lesson completions, run by the API on
 * every enrolment, lesson read and completion. Here rather than in apps/api so that the
 * national-scale bench EXPLAINs the very text the API sends (no copy to go stale).
 */

/** The caller's current enrolment of a course ($1 user, $2 course). */
export const CURRENT_ENROLMENT_SQL =
  'SELECT id, status, year FROM enrollment WHERE user_id = $1 AND course_id = $2 AND current';

/**
 * The caller's enrolments of every year with the title and hours of the version they
 * study: current ones by latest activity, then earlier years' completions, newest first ($1 user).
 */
export const MY_ENROLMENTS_SQL = `SELECT e.id, e.course_id, cv.title, cv.version, cv.hours, e.progress, e.status,
              e.completed_at, e.last_lesson_id, e.year, e.current
         FROM enrollment e ${courseVersionJoin('cv', 'e.course_version_id')}
        WHERE e.user_id = $1
        ORDER BY e.current DESC, e.year DESC, e.updated_at DESC, e.id`;

/** The version of a course the caller's current enrolment is pinned to ($1 user, $2 course). */
export const ENROLLED_VERSION_SQL =
  'SELECT course_version_id AS "versionId" FROM enrollment WHERE user_id = $1 AND course_id = $2 AND current';

/**
 * Lesson reads, many in one statement (each request's four values at the same index of $1
 * user, $2 course, $3 course version, $4 lesson): for each read whose caller has a current
 * enrolment pinned to that version, its index (`n`, from 1) and whether the lesson is read.
 * A read without such an enrolment has no row. Records each enrolment's resume point (its
 * latest read of the batch) only when it moves, so re-reading a lesson writes nothing: no
 * WAL, no durable commit on the most frequent request. The enrolments that move are locked
 * in id order, so two batches moving the same ones wait for each other instead of
 * deadlocking.
 */
export const ENROLMENTS_FOR_READS: Statement = {
  name: 'lesson_reads_enrolments',
  text: `
  WITH asked AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
           WITH ORDINALITY AS a(user_id, course_id, version_id, lesson_id, n)),
  e AS (
    SELECT a.n, a.lesson_id, en.id, en.last_lesson_id
      FROM asked a
      JOIN enrollment en ON en.user_id = a.user_id AND en.course_id = a.course_id
                        AND en.course_version_id = a.version_id AND en.current),
  resume AS (
    SELECT DISTINCT ON (id) id, lesson_id, last_lesson_id FROM e ORDER BY id, n DESC),
  moving AS (
    SELECT en.id, r.lesson_id
      FROM enrollment en JOIN resume r ON r.id = en.id
     WHERE r.last_lesson_id IS DISTINCT FROM r.lesson_id
     ORDER BY en.id
       FOR UPDATE OF en),
  touched AS (
    UPDATE enrollment SET last_lesson_id = m.lesson_id, updated_at = now()
      FROM moving m WHERE enrollment.id = m.id)
  SELECT e.n::int AS n,
         EXISTS (SELECT 1 FROM lesson_completion lc
                  WHERE lc.enrollment_id = e.id AND lc.lesson_id = e.lesson_id) AS completed
    FROM e`,
};

/** A lesson completed ($1 enrolment, $2 lesson); completing again changes nothing. */
export const RECORD_LESSON_COMPLETION_SQL =
  'INSERT INTO lesson_completion (enrollment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING';

/** The enrolment, locked: serialises concurrent completions of one enrolment ($1 enrolment). */
export const LOCK_ENROLMENT_SQL = `SELECT id, user_id AS "userId", course_id AS "courseId",
              course_version_id AS "courseVersionId", status, progress
         FROM enrollment WHERE id = $1 FOR UPDATE`;

/** Steps of a course version and those done ($1 version, $2 enrolment, $3 user). */
export const COMPLETION_COUNTS_SQL = `SELECT
         (${lessonCountSql('$1')})::int AS lessons,
         (SELECT count(*) FROM lesson_completion lc ${lessonJoin('l', 'lc.lesson_id')}
           WHERE lc.enrollment_id = $2 AND l.course_version_id = $1)::int AS done,
         (${finalQuizCountSql('$1')})::int AS finals,
         (${passedFinalQuizCountSql('$1', '$3')})::int AS passed`;
