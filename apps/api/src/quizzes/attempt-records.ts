import { QuizAttemptEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/** Network grace after `expiresAt`: an answer sent in the last second still counts. */
export const SUBMIT_GRACE_SECONDS = 5;

/**
 * Open and past deadline + grace, by the DATABASE clock: several API processes agree, and
 * clock_timestamp() (not now()) is not frozen at the start of a transaction that waited.
 */
export const OVERDUE_SQL = (alias: string) =>
  `(${alias}.status = 'open' AND ${alias}.expires_at IS NOT NULL
    AND clock_timestamp() > ${alias}.expires_at + ${SUBMIT_GRACE_SECONDS} * interval '1 second')`;

/**
 * Serialises everything that starts, saves or grades attempts of one (user, quiz) for the
 * rest of the transaction. Every writer takes this lock first and only then row locks, so
 * the order is always advisory → attempt → enrolment (CourseCompletionService) and
 * never the other way round: no deadlocks with lesson completion either.
 */
export async function lockUserQuiz(
  tx: EntityManager,
  userId: string,
  quizId: string,
): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [
    userId,
    quizId,
  ]);
}

/** Attempts past their deadline count as attempts graded on nothing. */
export async function expireOverdue(
  tx: EntityManager,
  where: { attemptId: string } | { userId: string; quizId: string },
) {
  const [cond, params] =
    'attemptId' in where
      ? ['a.id = $1', [where.attemptId]]
      : ['a.user_id = $1 AND a.quiz_id = $2', [where.userId, where.quizId]];
  await tx.query(
    `UPDATE quiz_attempt a
        SET status = 'expired', score = 0, passed = false, correct_count = 0, total = jsonb_array_length(a.drawn)
      WHERE ${cond} AND ${OVERDUE_SQL('a')}`,
    params,
  );
}

export interface OwnAttempt {
  attempt: QuizAttemptEntity;
  overdue: boolean;
}

/** The caller's own attempt (null for anyone else's: 404, never 403), optionally row-locked. */
export async function findOwnAttempt(
  tx: EntityManager,
  attemptId: string,
  userId: string,
  lock = false,
): Promise<OwnAttempt | null> {
  const qb = tx
    .createQueryBuilder(QuizAttemptEntity, 'a')
    .addSelect(OVERDUE_SQL('a'), 'overdue')
    .where('a.id = :attemptId AND a.user_id = :userId', { attemptId, userId });
  if (lock) qb.setLock('pessimistic_write');
  const { entities, raw } = await qb.getRawAndEntities<{ overdue: boolean }>();
  return entities[0] ? { attempt: entities[0], overdue: raw[0].overdue } : null;
}
