import type { AttemptStateResponse, AttemptSummary, OpenAttemptResponse } from '@dx/contracts';
import { QuizAttemptEntity, QuizEntity } from '@dx/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { expireOverdue, findOwnAttempt, lockUserQuiz, OVERDUE_SQL } from './attempt-records';
import { closedAttemptView, openAttemptView } from './attempt-views';
import { BankQuestion, drawAttempt } from './quiz-draw';

export interface StartedAttempt {
  /** False when the open attempt was returned again (200 instead of 201). */
  created: boolean;
  attempt: OpenAttemptResponse;
}

interface QuizOfEnrolment {
  quiz: QuizEntity;
  enrollmentId: string;
}

const isUniqueViolation = (e: unknown) =>
  e instanceof QueryFailedError && (e as { code?: string }).code === '23505';

/** Starting, resuming and reading attempts; grading lives in AttemptSubmissionService. */
@Injectable()
export class QuizAttemptsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async start(caller: AuthUser, quizId: string): Promise<StartedAttempt> {
    // The advisory lock makes races impossible; the unique indexes are the safety net, and
    // should one still fire, a retry sees the winner's row and answers like everyone else.
    for (let tries = 0; ; tries++) {
      try {
        return await this.db.transaction((tx) => this.startInTx(tx, caller, quizId));
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        if (tries >= 2) throw new ConflictException('Another attempt is being started; try again');
      }
    }
  }

  private async startInTx(
    tx: EntityManager,
    caller: AuthUser,
    quizId: string,
  ): Promise<StartedAttempt> {
    const { quiz, enrollmentId } = await this.quizOfEnrolment(tx, caller, quizId);
    await lockUserQuiz(tx, caller.id, quiz.id);
    await expireOverdue(tx, { userId: caller.id, quizId: quiz.id });

    const existing = await tx.find(QuizAttemptEntity, {
      where: { userId: caller.id, quizId: quiz.id },
      order: { number: 'ASC' },
    });
    const open = existing.find((a) => a.status === 'open');
    if (open) return { created: false, attempt: await openAttemptView(tx, open) };
    if (quiz.maxAttempts !== null && existing.length >= quiz.maxAttempts) {
      throw new ConflictException(`All ${quiz.maxAttempts} attempts of this quiz are used`);
    }

    const bank: BankQuestion[] = await tx.query(
      `SELECT q.id, coalesce(array_agg(o.id::text ORDER BY o.position) FILTER (WHERE o.id IS NOT NULL), '{}') AS "optionIds"
         FROM question q LEFT JOIN question_option o ON o.question_id = q.id
        WHERE q.quiz_id = $1
        GROUP BY q.id, q.position
        ORDER BY q.position, q.id`,
      [quiz.id],
    );
    if (bank.length === 0) throw new ConflictException('This quiz has no questions yet');
    const drawn = drawAttempt(bank, quiz);
    const number = existing.reduce((max, a) => Math.max(max, a.number), 0) + 1;
    // One clock reading for both columns, from the database so every API process agrees.
    const [row] = await tx.query(
      `WITH t AS (SELECT clock_timestamp() AS ts)
       INSERT INTO quiz_attempt (user_id, quiz_id, enrollment_id, number, status, started_at, expires_at, drawn)
       SELECT $1, $2, $3, $4, 'open', t.ts, t.ts + $5::int * interval '1 second', $6::jsonb FROM t
       RETURNING id`,
      [caller.id, quiz.id, enrollmentId, number, quiz.timeLimitSeconds, JSON.stringify(drawn)],
    );
    const attempt = await tx.findOneByOrFail(QuizAttemptEntity, { id: row.id });
    return { created: true, attempt: await openAttemptView(tx, attempt) };
  }

  async history(caller: AuthUser, quizId: string): Promise<AttemptSummary[]> {
    await this.quizOfEnrolment(this.db.manager, caller, quizId);
    const rows: (AttemptSummary & { overdue: boolean })[] = await this.db.query(
      `SELECT a.id AS "attemptId", a.number, a.status, a.started_at AS "startedAt", a.expires_at AS "expiresAt",
              a.submitted_at AS "submittedAt", a.score, a.passed, ${OVERDUE_SQL('a')} AS overdue
         FROM quiz_attempt a
        WHERE a.user_id = $1 AND a.quiz_id = $2
        ORDER BY a.number`,
      [caller.id, quizId],
    );
    return rows.map(({ overdue, ...r }) => ({
      ...r,
      startedAt: new Date(r.startedAt).toISOString(),
      expiresAt: r.expiresAt && new Date(r.expiresAt).toISOString(),
      submittedAt: r.submittedAt && new Date(r.submittedAt).toISOString(),
      // Past its deadline but not yet closed by a write: it already counts as expired.
      ...(overdue ? { status: 'expired' as const, score: 0, passed: false } : {}),
    }));
  }

  async state(caller: AuthUser, attemptId: string): Promise<AttemptStateResponse> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const own = await findOwnAttempt(tx, attemptId, caller.id);
      if (!own) throw new NotFoundException('Attempt not found');
      const { attempt, overdue } = own;
      if (attempt.status === 'open' && !overdue) return openAttemptView(tx, attempt);
      if (overdue) attempt.status = 'expired';
      const quiz = await tx.findOneByOrFail(QuizEntity, { id: attempt.quizId });
      return closedAttemptView(tx, attempt, quiz.passingScore);
    });
  }

  /** The quiz, visible only to learners enrolled on its course version (404 for everyone else). */
  private async quizOfEnrolment(
    tx: EntityManager,
    caller: AuthUser,
    quizId: string,
  ): Promise<QuizOfEnrolment> {
    const [row] = await tx.query(
      `SELECT e.id AS "enrollmentId"
         FROM quiz q
         JOIN course_version cv ON cv.id = q.course_version_id
         JOIN enrollment e ON e.course_id = cv.course_id AND e.course_version_id = q.course_version_id
        WHERE q.id = $1 AND e.user_id = $2`,
      [quizId, caller.id],
    );
    if (!row) throw new NotFoundException('Quiz not found');
    const quiz = await tx.findOneByOrFail(QuizEntity, { id: quizId });
    return { quiz, enrollmentId: row.enrollmentId };
  }
}
