import { CertificateEntity, MembershipEntity, UserEntity } from '@dx/db';
import { In, IsNull } from 'typeorm';
// The hot queries replay the API's own statements, so the figures follow the code. Each import
// below crosses into the api app: they move to libs with the courses and quizzes repositories
// (issue 18), and lint shows every one until then.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the catalogue's own SQL
import { catalogQuery, toPrefixTsQuery } from '../../../../apps/api/src/courses/catalog-query';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the quizzes' own SQL
import {
  RECORD_GRADE,
  SUBMIT_READ,
} from '../../../../apps/api/src/quizzes/attempt-submission.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the quizzes' own SQL
import { OVERDUE_SQL } from '../../../../apps/api/src/quizzes/attempt-records';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the quizzes' own SQL
import { START_READ } from '../../../../apps/api/src/quizzes/quiz-attempts.service';
import { HotQuery, sqlQuery } from './hot-query';

/** The two literal parts of the lesson query (lessons.service.ts builds it from both). */
const ENROLLED_LESSON = `SELECT l.id, l.module_id AS "moduleId", cv.course_id AS "courseId", e.id AS "enrollmentId",
         l.title, l.kind, l.content, l.video_url AS "videoUrl", l.file_key AS "fileKey",
         l.file_name AS "fileName", l.duration_minutes AS "durationMinutes", l.course_version_id,
         EXISTS (SELECT 1 FROM lesson_completion lc
                  WHERE lc.enrollment_id = e.id AND lc.lesson_id = l.id) AS completed
    FROM lesson l
    JOIN course_version cv ON cv.id = l.course_version_id
    JOIN enrollment e ON e.user_id = $2 AND e.course_id = cv.course_id
                     AND e.course_version_id = l.course_version_id
   WHERE l.id = $1`;
const NEIGHBOURS = `ordered AS (
    SELECT l.id, lag(l.id) OVER w AS "previousLessonId", lead(l.id) OVER w AS "nextLessonId"
      FROM lesson l JOIN course_module m ON m.id = l.module_id
     WHERE l.course_version_id = (SELECT course_version_id FROM target)
    WINDOW w AS (ORDER BY m.position, l.position, l.id)
  )
  SELECT target.*, ordered."previousLessonId", ordered."nextLessonId"
    FROM target JOIN ordered ON ordered.id = target.id`;

const COMPLETION_COUNTS = `SELECT
         (SELECT count(*) FROM lesson WHERE course_version_id = $1)::int AS lessons,
         (SELECT count(*) FROM lesson_completion lc JOIN lesson l ON l.id = lc.lesson_id
           WHERE lc.enrollment_id = $2 AND l.course_version_id = $1)::int AS done,
         (SELECT count(*) FROM quiz WHERE course_version_id = $1 AND kind = 'final')::int AS finals,
         (SELECT count(*) FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
           WHERE q.course_version_id = $1 AND q.kind = 'final' AND a.user_id = $3 AND a.passed)::int AS passed`;

const LOCK_ENROLMENT = `SELECT id, user_id AS "userId", course_id AS "courseId",
              course_version_id AS "courseVersionId", status, progress
         FROM enrollment WHERE id = $1 FOR UPDATE`;

/** What every signed-in learner does many times a day: sign in, learn, take quizzes. */
export const LEARNER_QUERIES: HotQuery[] = [
  {
    name: 'login: account by username',
    source: 'apps/api/src/auth/auth.service.ts',
    mustMatch: [".addSelect('u.passwordHash') .where('u.username = :username', { username })"],
    statements: (x, cap) =>
      cap.capture((m) =>
        m
          .getRepository(UserEntity)
          .createQueryBuilder('u')
          .addSelect('u.passwordHash')
          .where('u.username = :username', { username: x.learner.username })
          .getOne(),
      ),
  },
  {
    name: 'GET /api/me',
    source: 'apps/api/src/auth/auth.service.ts',
    mustMatch: ['this.users.findOneBy({ id: userId })'],
    statements: (x, cap) =>
      cap.capture((m) => m.getRepository(UserEntity).findOneBy({ id: x.learner.id })),
  },
  sqlQuery(
    'scope of the caller (every scoped request)',
    'apps/api/src/org-units/org-scope.service.ts',
    `SELECT ou.path FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id WHERE u.id = $1`,
    (x) => [x.learner.id],
  ),
  sqlQuery(
    'my enrolments',
    'apps/api/src/learning/enrollments.service.ts',
    `SELECT e.id, e.course_id, cv.title, cv.version, cv.hours, e.progress, e.status,
              e.completed_at, e.last_lesson_id
         FROM enrollment e JOIN course_version cv ON cv.id = e.course_version_id
        WHERE e.user_id = $1
        ORDER BY e.updated_at DESC, e.id`,
    (x) => [x.learner.id],
  ),
  sqlQuery(
    'enrol: existing enrolment',
    'apps/api/src/learning/enrollments.service.ts',
    'SELECT id, status FROM enrollment WHERE user_id = $1 AND course_id = $2',
    (x) => [x.learner.id, x.learner.courseId],
  ),
  {
    name: 'my certificates',
    source: 'apps/api/src/certificates/certificates.service.ts',
    mustMatch: ["{ userId: user.id, kind: 'course' }, { userId: user.id, kind: 'program' }"],
    statements: (x, cap) =>
      cap.capture((m) =>
        m.getRepository(CertificateEntity).find({
          where: [
            { userId: x.learner.id, kind: 'course' },
            { userId: x.learner.id, kind: 'program' },
          ],
          order: { completedAt: 'DESC', id: 'DESC' },
        }),
      ),
  },
  {
    name: 'public verification by serial',
    source: 'apps/api/src/certificates/public-certificates.service.ts',
    mustMatch: [".findOneBy({ serial, status: In(['issued', 'revoked']) })"],
    statements: (x, cap) =>
      cap.capture((m) =>
        m
          .getRepository(CertificateEntity)
          .findOneBy({ serial: x.serial, status: In(['issued', 'revoked']) }),
      ),
  },
  {
    name: 'catalog search (prefix words, GIN index)',
    source: 'apps/api/src/courses/course-catalog.service.ts',
    mustMatch: ['const query = catalogQuery({'],
    statements: (x) => {
      const q = catalogQuery({
        lineage: x.learner.lineage,
        tsquery: toPrefixTsQuery('chuyển đổi số'),
        limit: 20,
        offset: 0,
      });
      return [
        { sql: q.sql, params: q.params },
        { sql: q.countSql, params: q.params.slice(0, -2) },
      ];
    },
  },
  sqlQuery(
    'course page: enrolled version',
    'apps/api/src/courses/course-access.service.ts',
    'SELECT course_version_id AS "versionId" FROM enrollment WHERE user_id = $1 AND course_id = $2',
    (x) => [x.learner.id, x.learner.courseId],
  ),
  {
    name: 'lesson read with enrolment check',
    source: 'apps/api/src/learning/lessons.service.ts',
    mustMatch: [
      ENROLLED_LESSON,
      NEIGHBOURS,
      'UPDATE enrollment SET last_lesson_id = $2, updated_at = now() WHERE id = $1',
    ],
    statements: (x) => [
      {
        sql: `WITH target AS (${ENROLLED_LESSON}), ${NEIGHBOURS}`,
        params: [x.learner.lessonId, x.learner.id],
      },
      {
        sql: 'UPDATE enrollment SET last_lesson_id = $2, updated_at = now() WHERE id = $1',
        params: [x.learner.enrollmentId, x.learner.lessonId],
      },
    ],
  },
  sqlQuery(
    'lesson completed: record it',
    'apps/api/src/learning/lessons.service.ts',
    'INSERT INTO lesson_completion (enrollment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    (x) => [x.learner.enrollmentId, x.learner.lessonId],
  ),
  {
    name: 'completion refresh: lock enrolment and count steps',
    source: 'apps/api/src/learning/course-completion.service.ts',
    mustMatch: [LOCK_ENROLMENT, COMPLETION_COUNTS],
    statements: (x) => [
      { sql: LOCK_ENROLMENT, params: [x.learner.enrollmentId] },
      {
        sql: COMPLETION_COUNTS,
        params: [x.learner.versionId, x.learner.enrollmentId, x.learner.id],
      },
    ],
  },
  // The quiz statements are imported from the app (no copy to go stale); mustMatch only
  // checks that the app still runs them under these names.
  {
    name: 'quiz start: quiz, enrolment, attempts so far, open attempt and bank in one read',
    source: 'apps/api/src/quizzes/quiz-attempts.service.ts',
    mustMatch: ["name: 'quiz_start_read',"],
    statements: (x) => [{ sql: START_READ.text, params: [x.learner.quizId, x.learner.id] }],
  },
  {
    name: 'quiz attempts history',
    source: 'apps/api/src/quizzes/quiz-attempts.service.ts',
    mustMatch: ['FROM quiz_attempt a WHERE a.user_id = $1 AND a.quiz_id = $2 ORDER BY a.number'],
    statements: (x) => [
      {
        sql: `SELECT a.id AS "attemptId", a.number, a.status, a.started_at AS "startedAt", a.expires_at AS "expiresAt",
              a.submitted_at AS "submittedAt", a.score, a.passed, ${OVERDUE_SQL('a')} AS overdue
         FROM quiz_attempt a
        WHERE a.user_id = $1 AND a.quiz_id = $2
        ORDER BY a.number`,
        params: [x.learner.id, x.learner.quizId],
      },
    ],
  },
  {
    name: 'quiz submit: own attempt with its answer keys, then the grade written if still open',
    source: 'apps/api/src/quizzes/attempt-submission.service.ts',
    mustMatch: ["name: 'quiz_submit_read'", "name: 'quiz_record_grade',"],
    statements: (x) => [
      { sql: SUBMIT_READ.text, params: [x.learner.attemptId, x.learner.id] },
      { sql: RECORD_GRADE.text, params: [x.learner.attemptId, '[]', 80, true, 8, 10, []] },
    ],
  },
  {
    name: 'membership change: open membership, locked',
    source: 'apps/api/src/users/users.service.ts',
    mustMatch: ['where: { userId, validTo: IsNull() },'],
    statements: (x, cap) =>
      cap.capture((m) =>
        m.findOne(MembershipEntity, {
          where: { userId: x.learner.id, validTo: IsNull() },
          lock: { mode: 'pessimistic_write' },
        }),
      ),
  },
];
