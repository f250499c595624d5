import type { SubmitAttemptResponse } from '@dx/contracts';
import { QuizAttemptEntity, QuizEntity } from '@dx/db';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseCompletionService } from '../learning/course-completion.service';
import { expireOverdue, findOwnAttempt, lockUserQuiz } from './attempt-records';
import { answerKeys } from './attempt-views';
import { AttemptAnswersDto } from './dto/attempt-answers.dto';
import { answerErrors, grade } from './quiz-grading';

/** Why a write to an attempt was refused; decided inside the transaction, thrown after commit. */
type Refusal = 'closed' | 'expired';

const REFUSALS: Record<Refusal, string> = {
  closed: 'This attempt is already submitted or expired',
  expired: 'Time is up: the attempt was closed as expired',
};

/** Saving progress and grading: each runs under the (user, quiz) lock and the attempt's row lock. */
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
    const outcome = await this.db.transaction(async (tx) => {
      const checked = await this.lockOpen(tx, caller, attemptId, dto);
      if (typeof checked === 'string') return checked;
      const attempt = checked;
      const quiz = await tx.findOneByOrFail(QuizEntity, { id: attempt.quizId });
      const graded = grade(await answerKeys(tx, attempt.drawn), dto.answers, quiz.passingScore);
      await tx.query(
        `UPDATE quiz_attempt
            SET status = 'submitted', submitted_at = clock_timestamp(), answers = $2::jsonb,
                score = $3, passed = $4, correct_count = $5, total = $6
          WHERE id = $1`,
        [
          attempt.id,
          JSON.stringify(plainAnswers(dto)),
          graded.score,
          graded.passed,
          graded.correctCount,
          graded.total,
        ],
      );
      // Same transaction: a passed final quiz and the course completion it causes agree.
      let courseCompleted = false;
      if (graded.passed && quiz.kind === 'final' && attempt.enrollmentId) {
        courseCompleted = (await this.completion.refresh(tx, attempt.enrollmentId)).completedNow;
      }
      return { ...graded, courseCompleted };
    });
    if (typeof outcome === 'string') throw new ConflictException(REFUSALS[outcome]);
    return outcome;
  }

  /** Progress for resuming on a flaky connection: validated like submit, never graded. */
  async saveAnswers(caller: AuthUser, attemptId: string, dto: AttemptAnswersDto): Promise<void> {
    const refusal = await this.db.transaction(async (tx) => {
      const checked = await this.lockOpen(tx, caller, attemptId, dto);
      if (typeof checked === 'string') return checked;
      await tx.query('UPDATE quiz_attempt SET answers = $2::jsonb WHERE id = $1', [
        checked.id,
        JSON.stringify(plainAnswers(dto)),
      ]);
      return null;
    });
    if (refusal) throw new ConflictException(REFUSALS[refusal]);
  }

  /**
   * Locks the caller's attempt and checks it can still take answers. An overdue attempt is
   * closed as expired here and the refusal returned, not thrown, so that write commits.
   */
  private async lockOpen(
    tx: EntityManager,
    caller: AuthUser,
    attemptId: string,
    dto: AttemptAnswersDto,
  ): Promise<QuizAttemptEntity | Refusal> {
    const found = await findOwnAttempt(tx, attemptId, caller.id);
    if (!found) throw new NotFoundException('Attempt not found');
    await lockUserQuiz(tx, caller.id, found.attempt.quizId);
    const locked = await findOwnAttempt(tx, attemptId, caller.id, true);
    if (!locked) throw new NotFoundException('Attempt not found');
    const { attempt, overdue } = locked;
    if (attempt.status !== 'open') return 'closed';
    if (overdue) {
      await expireOverdue(tx, { attemptId: attempt.id });
      return 'expired';
    }
    const errors = answerErrors(attempt.drawn, dto.answers);
    if (errors.length) {
      throw new BadRequestException({
        message: `Invalid input: ${errors.map((e) => e.field).join(', ')}`,
        errors,
      });
    }
    return attempt;
  }
}

/** Only the validated fields go to jsonb, never whatever else a DTO instance carries. */
const plainAnswers = (dto: AttemptAnswersDto) =>
  dto.answers.map((a) => ({ questionId: a.questionId, optionIds: [...a.optionIds] }));
