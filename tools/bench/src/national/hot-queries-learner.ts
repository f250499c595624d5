import {
  ATTEMPT_HISTORY_SQL,
  CALLER_UNIT_PATH_SQL,
  catalogQuery,
  COMPLETION_COUNTS_SQL,
  CURRENT_ENROLMENT_SQL,
  ENROLLED_VERSION_SQL,
  ENROLMENTS_FOR_READS,
  findOwnCertificates,
  findUserById,
  findUserForSignIn,
  findVerifiableCertificate,
  LOCK_ENROLMENT_SQL,
  lockOpenMembership,
  MY_ENROLMENTS_SQL,
  RECORD_GRADE,
  RECORD_LESSON_COMPLETION_SQL,
  START_READ,
  SUBMIT_READ,
  toPrefixTsQuery,
} from '@dx/db';
import { HotQuery, sqlQuery } from './hot-query';

/**
 * What every signed-in learner does many times a day: sign in, learn, take quizzes. SQL
 * text comes from @dx/db, where the API reads it too; the entries that make a TypeORM call
 * capture what it sends, through the very @dx/db function the API calls (findUserById,
 * findUserForSignIn, findOwnCertificates, …).
 */
export const LEARNER_QUERIES: HotQuery[] = [
  {
    name: 'login: account by username',
    statements: (x, cap) => cap.capture((m) => findUserForSignIn(m, x.learner.username)),
  },
  {
    name: 'GET /api/me',
    statements: (x, cap) => cap.capture((m) => findUserById(m, x.learner.id)),
  },
  sqlQuery('scope of the caller (every scoped request)', CALLER_UNIT_PATH_SQL, (x) => [
    x.learner.id,
  ]),
  sqlQuery('my enrolments', MY_ENROLMENTS_SQL, (x) => [x.learner.id]),
  sqlQuery('enrol: current enrolment', CURRENT_ENROLMENT_SQL, (x) => [
    x.learner.id,
    x.learner.courseId,
  ]),
  {
    name: 'my certificates',
    statements: (x, cap) => cap.capture((m) => findOwnCertificates(m, x.learner.id)),
  },
  {
    name: 'public verification by serial',
    statements: (x, cap) => cap.capture((m) => findVerifiableCertificate(m, x.serial)),
  },
  {
    name: 'catalog search (prefix words, GIN index)',
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
  sqlQuery('course page: enrolled version', ENROLLED_VERSION_SQL, (x) => [
    x.learner.id,
    x.learner.courseId,
  ]),
  sqlQuery(
    'lesson read: enrolment check, resume point, read or not (content from memory)',
    ENROLMENTS_FOR_READS.text,
    // One read, as a batch of a quiet moment; a busy turn's batch reads one row per read.
    (x) => [[x.learner.id], [x.learner.courseId], [x.learner.versionId], [x.learner.lessonId]],
  ),
  sqlQuery('lesson completed: record it', RECORD_LESSON_COMPLETION_SQL, (x) => [
    x.learner.enrollmentId,
    x.learner.lessonId,
  ]),
  {
    name: 'completion refresh: lock enrolment and count steps',
    statements: (x) => [
      { sql: LOCK_ENROLMENT_SQL, params: [x.learner.enrollmentId] },
      {
        sql: COMPLETION_COUNTS_SQL,
        params: [x.learner.versionId, x.learner.enrollmentId, x.learner.id],
      },
    ],
  },
  sqlQuery(
    'quiz start: quiz, enrolment, attempts so far, open attempt and bank in one read',
    START_READ.text,
    (x) => [x.learner.quizId, x.learner.id],
  ),
  sqlQuery('quiz attempts history', ATTEMPT_HISTORY_SQL, (x) => [x.learner.id, x.learner.quizId]),
  {
    name: 'quiz submit: own attempt with its answer keys, then the grade written if still open',
    statements: (x) => [
      { sql: SUBMIT_READ.text, params: [x.learner.attemptId, x.learner.id] },
      { sql: RECORD_GRADE.text, params: [x.learner.attemptId, '[]', 80, true, 8, 10, []] },
    ],
  },
  {
    name: 'membership change: open membership, locked',
    statements: (x, cap) => cap.capture((m) => lockOpenMembership(m, x.learner.id)),
  },
];
