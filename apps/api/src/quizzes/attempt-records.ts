import { OVERDUE_SQL, type AttemptAnswer, type AttemptStatus, type DrawnQuestion } from '@dx/db';
import { EntityManager } from 'typeorm';

// The attempt SQL fragments live in @dx/db (quizzes/attempt-sql) with the statements, so the
// bench EXPLAINs the text the API sends; re-exported for this feature's files.
export { DRAWN_IDS_SQL, OVERDUE_SQL, SUBMIT_GRACE_SECONDS } from '@dx/db';

/** An attempt as the raw queries of this feature read it: plain columns, no entity. */
export interface AttemptRow {
  id: string;
  quizId: string;
  number: number;
  status: AttemptStatus;
  startedAt: Date;
  expiresAt: Date | null;
  submittedAt: Date | null;
  drawn: DrawnQuestion[];
  answers: AttemptAnswer[] | null;
  score: number | null;
  passed: boolean | null;
  correctCount: number | null;
  total: number | null;
  /** Open but past deadline + grace: it already counts as expired. */
  overdue: boolean;
}

export const ATTEMPT_COLUMNS_SQL = (a: string) =>
  `${a}.id, ${a}.quiz_id AS "quizId", ${a}.number, ${a}.status, ${a}.started_at AS "startedAt",
   ${a}.expires_at AS "expiresAt", ${a}.submitted_at AS "submittedAt", ${a}.drawn, ${a}.answers,
   ${a}.score, ${a}.passed, ${a}.correct_count AS "correctCount", ${a}.total,
   ${OVERDUE_SQL(a)} AS overdue`;

/**
 * Concurrency without a lock of our own (this replaces a per-(user, quiz) advisory lock that
 * every writer took first). Every write to an attempt is ONE statement whose WHERE re-checks
 * what allowed it, and under READ COMMITTED PostgreSQL re-evaluates that WHERE on the newest
 * committed row whenever it had to wait for the row:
 * - submit, save and expiry touch only `status = 'open'` rows (submit and save: not overdue
 *   either), so of two racing writers the second matches nothing and answers 409: one grade.
 * - a start inserts number = last seen + 1 with ON CONFLICT DO NOTHING; the unique indexes
 *   (one open attempt per user and quiz, numbers 1, 2, 3…) turn a stale read into no insert,
 *   and the start reads again and finds the winner. So parallel starts make one attempt,
 *   and a stale count cannot exceed maxAttempts (its number is already taken).
 * A deadlock needs a transaction that holds one lock while waiting for another. The only one
 * here is a passed final quiz's submit: the attempt row, then the enrolment and what
 * completion takes after it (CourseCompletionService). Lesson completion starts at the
 * enrolment and never touches attempts; every other attempt write is a single statement on
 * one row, holding nothing else while it waits. No cycle can form.
 */

/** Closes an overdue attempt as expired, graded on nothing; true when this call closed it. */
export async function expireOverdue(tx: EntityManager, attemptId: string): Promise<boolean> {
  const result = await tx.query(
    `UPDATE quiz_attempt a
        SET status = 'expired', score = 0, passed = false, correct_count = 0, total = jsonb_array_length(a.drawn)
      WHERE a.id = $1 AND ${OVERDUE_SQL('a')}`,
    [attemptId],
  );
  return updatedCount(result) > 0;
}

/** Affected rows of an UPDATE through TypeORM's raw query (it answers `[rows, count]`). */
export const updatedCount = (result: unknown) => (result as [unknown[], number])[1];

// The hot statements run as named prepared statements (@dx/db runPrepared).
export { runPrepared, type Statement } from '@dx/db';
