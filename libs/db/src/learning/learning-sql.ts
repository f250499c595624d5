import { joinCourseVersion, joinLesson, lessonCountSql } from '../courses/course-sql';
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
         FROM enrollment e ${joinCourseVersion('cv', 'e.course_version_id')}
        WHERE e.user_id = $1
        ORDER BY e.current DESC, e.year DESC, e.updated_at DESC, e.id`;

/** The version of a course the caller's current enrolment is pinned to ($1 user, $2 course). */
export const ENROLLED_VERSION_SQL =
  'SELECT course_version_id AS "versionId" FROM enrollment WHERE user_id = $1 AND course_id = $2 AND current';

/**
 * The caller's current enrolment in the lesson's version, and whether the lesson is read;
 * records the lesson as the resume point when it is not already (so re-reading a lesson
 * writes nothing: no WAL, no durable commit on the most frequent request).
 * ($1 user, $2 course, $3 course version, $4 lesson.)
 */
export const ENROLMENT_FOR_READ: Statement = {
  name: 'lesson_read_enrolment',
  text: `
  WITH e AS (
    SELECT id, last_lesson_id FROM enrollment
     WHERE user_id = $1 AND course_id = $2 AND course_version_id = $3 AND current),
  touched AS (
    UPDATE enrollment SET last_lesson_id = $4, updated_at = now()
      FROM e WHERE enrollment.id = e.id AND e.last_lesson_id IS DISTINCT FROM $4)
  SELECT EXISTS (SELECT 1 FROM lesson_completion lc
                  WHERE lc.enrollment_id = e.id AND lc.lesson_id = $4) AS completed
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
         (SELECT count(*) FROM lesson_completion lc ${joinLesson('l', 'lc.lesson_id')}
           WHERE lc.enrollment_id = $2 AND l.course_version_id = $1)::int AS done,
         (${finalQuizCountSql('$1')})::int AS finals,
         (${passedFinalQuizCountSql('$1', '$3')})::int AS passed`;
