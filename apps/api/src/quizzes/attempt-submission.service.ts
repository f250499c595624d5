import type { SubmitAttemptResponse } from '@dx/contracts';
import type { AttemptStatus, DrawnQuestion, QuizKind, ReviewPolicy } from '@dx/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseCompletionService } from '../learning/course-completion.service';
import {
  DRAWN_IDS_SQL,
  expireOverdue,
  OVERDUE_SQL,
  runPrepared,
  Statement,
} from './attempt-records';
import { answersRevealed, PASSED_BEFORE_SQL } from './answer-reveal';
import { ANSWER_KEYS_SQL, keysInDrawOrder, resultShown } from './attempt-views';
import { AttemptAnswersDto } from './dto/attempt-answers.dto';
import { AnswerKey, answerErrors, grade } from './quiz-grading';
import { InvalidInputException } from '../http/invalid-input';

/** Why a write to an attempt was refused. */
type Refusal = 'closed' | 'expired';

const REFUSALS: Record<Refusal, string> = {
  closed: 'This attempt is already submitted or expired',
  expired: 'Time is up: the attempt was closed as expired',
};

/** The caller's attempt as submit and save need it; the answer keys only while it is open. */
interface AnswerableRow {
  id: string;
  status: AttemptStatus;
  overdue: boolean;
  drawn: DrawnQuestion[];
  enrollmentId: string | null;
  kind: QuizKind;
  passingScore: number;
  keys: AnswerKey[] | null;
  /** Read by submit only (absent on save): what the answer-reveal policy needs. */
  policy: ReviewPolicy;
  maxAttempts: number | null;
  number: number;
  passedBefore: boolean;
}

const answerableSql = (withKeys: boolean) => `
SELECT a.id, a.status, ${OVERDUE_SQL('a')} AS overdue, a.drawn, a.enrollment_id AS "enrollmentId",
       q.kind, q.passing_score AS "passingScore",
       ${withKeys ? `CASE WHEN a.status = 'open' THEN ${ANSWER_KEYS_SQL(`x.id = ANY (${DRAWN_IDS_SQL('a.drawn')})`)} END` : 'NULL'} AS keys
       ${withKeys ? `, q.review_policy AS policy, q.max_attempts AS "maxAttempts", a.number, ${PASSED_BEFORE_SQL('a', 'q')}` : ''}
  FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
 WHERE a.id = $1 AND a.user_id = $2`;
export const SUBMIT_READ: Statement = { name: 'quiz_submit_read', text: answerableSql(true) };
const SAVE_READ: Statement = { name: 'quiz_save_read', text: answerableSql(false) };

/** Writes only while the attempt is open and in time, re-checked on the row as it is written. */
const STILL_OPEN_SQL = `a.id = $1 AND a.status = 'open' AND NOT ${OVERDUE_SQL('a')}`;
export const RECORD_GRADE: Statement = {
  name: 'quiz_record_grade',
  text: `UPDATE quiz_attempt a
            SET status = 'submitted', submitted_at = clock_timestamp(), answers = $2::jsonb,
                score = $3, passed = $4, correct_count = $5, total = $6, correct_question_ids = $7::uuid[]
          WHERE ${STILL_OPEN_SQL}`,
};
const SAVE_ANSWERS: Statement = {
  name: 'quiz_save_answers',
  text: `UPDATE quiz_attempt a SET answers = $2::jsonb WHERE ${STILL_OPEN_SQL}`,
};

/**
 * Saving progress and grading: one read (attempt, quiz, answer keys), checks and grading
 * in JS, then one conditional write (see attempt-records.ts for why no lock is needed).
 */
@Injectable()
export class AttemptSubmissionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: CourseCompletionService,
  ) {}

  async submit(
    caller: AuthUser,
    attemptId: string,
    dto: AttemptAnswersDto,
  ): Promise<SubmitAttemptResponse> {
    const [row] = await this.readAnswerable(SUBMIT_READ, attemptId, caller);
    await this.checkAnswerable(row, dto);
    const graded = grade(keysInDrawOrder(row.drawn, row.keys ?? []), dto.answers, row.passingScore);
    const params = [
      row.id,
      JSON.stringify(plainAnswers(dto)),
      graded.score,
      graded.passed,
      graded.correctCount,
      graded.total,
      graded.review.filter((r) => r.correct).map((r) => r.questionId),
    ];
    const { enrollmentId } = row;
    // The attempt being graded is the learner's latest, and no other is open beside it.
    const shown = answersRevealed({
      policy: row.policy,
      maxAttempts: row.maxAttempts,
      passed: graded.passed || row.passedBefore,
      lastNumber: row.number,
      openNow: false,
    });
    const result = resultShown(graded, row.policy, shown);
    if (!graded.passed || row.kind !== 'final' || enrollmentId === null) {
      const refused = await this.writeWhileOpen(this.db.manager, RECORD_GRADE, params);
      if (refused) throw refused;
      return { ...result, courseCompleted: false };
    }
    // One transaction: a passed final quiz and the course completion it causes agree.
    const outcome = await this.db.transaction(async (tx) => {
      // Returned, not thrown, so that an expiry written while refusing commits.
      const refused = await this.writeWhileOpen(tx, RECORD_GRADE, params);
      return refused ?? (await this.completion.refresh(tx, enrollmentId)).completedNow;
    });
    if (outcome instanceof ConflictException) throw outcome;
    return { ...result, courseCompleted: outcome };
  }

  /** Progress for resuming on a flaky connection: validated like submit, never graded. */
  async saveAnswers(caller: AuthUser, attemptId: string, dto: AttemptAnswersDto): Promise<void> {
    const [row] = await this.readAnswerable(SAVE_READ, attemptId, caller);
    await this.checkAnswerable(row, dto);
    const params = [row.id, JSON.stringify(plainAnswers(dto))];
    const refused = await this.writeWhileOpen(this.db.manager, SAVE_ANSWERS, params);
    if (refused) throw refused;
  }

  private async readAnswerable(read: Statement, attemptId: string, caller: AuthUser) {
    return (await runPrepared<AnswerableRow>(this.db.manager, read, [attemptId, caller.id])).rows;
  }

  /**
   * 404 for anyone else's attempt (never 403), 409 once it is closed, 400 for answers that
   * are not about its draw. An overdue attempt is closed as expired here, then refused.
   */
  private async checkAnswerable(row: AnswerableRow | undefined, dto: AttemptAnswersDto) {
    if (!row) throw new NotFoundException('Attempt not found');
    if (row.status !== 'open') throw new ConflictException(REFUSALS.closed);
    if (row.overdue) throw await this.refusal(this.db.manager, row.id);
    const errors = answerErrors(row.drawn, dto.answers);
    if (errors.length) throw new InvalidInputException(errors);
  }

  /** A write guarded by STILL_OPEN_SQL; when it matched nothing, why the attempt refused it. */
  private async writeWhileOpen(
    tx: EntityManager,
    write: Statement,
    params: unknown[],
  ): Promise<ConflictException | null> {
    if ((await runPrepared(tx, write, params)).rowCount) return null;
    return this.refusal(tx, params[0] as string);
  }

  /** The attempt stopped taking answers: past its deadline (closed as expired now) or closed by another request. */
  private async refusal(tx: EntityManager, attemptId: string): Promise<ConflictException> {
    const why: Refusal = (await expireOverdue(tx, attemptId)) ? 'expired' : 'closed';
    return new ConflictException(REFUSALS[why]);
  }
}

/** Only the validated fields go to jsonb, never whatever else a DTO instance carries. */
const plainAnswers = (dto: AttemptAnswersDto) =>
  dto.answers.map((a) => ({
    questionId: a.questionId,
    optionIds: [...a.optionIds],
    ...(a.matches !== undefined ? { matches: [...a.matches] } : {}),
    ...(a.text !== undefined ? { text: a.text } : {}),
  }));
