import type { SubmitAttemptResponse } from '@dx/contracts';
import {
  RECORD_GRADE,
  SAVE_ANSWERS,
  SAVE_READ,
  SUBMIT_READ,
  type AttemptStatus,
  type DrawnQuestion,
  type QuizKind,
  type ReviewPolicy,
} from '@dx/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseCompletionService } from '../learning/course-completion.service';
import { expireOverdue, runPrepared, Statement } from './attempt-records';
import { answersRevealed } from './answer-reveal';
import { keysInDrawOrder, resultShown } from './attempt-views';
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

  /** A write guarded by its still-open condition (@dx/db attempt-sql); when it matched nothing, why the attempt refused it. */
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
