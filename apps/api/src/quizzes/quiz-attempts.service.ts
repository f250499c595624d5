import type {
  AttemptQuestion,
  AttemptStateResponse,
  AttemptSummary,
  OpenAttemptResponse,
} from '@dx/contracts';
import { ATTEMPT_HISTORY_SQL, QUIZ_OF_ENROLMENT_SQL, START_INSERT, START_READ } from '@dx/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import {
  ATTEMPT_COLUMNS_SQL,
  AttemptRow,
  DRAWN_IDS_SQL,
  expireOverdue,
  OVERDUE_SQL,
  runPrepared,
} from './attempt-records';
import {
  ANSWER_KEYS_SQL,
  closedAttemptView,
  drawnQuestions,
  keysInDrawOrder,
  openAttemptView,
  SHOWN_QUESTIONS_SQL,
} from './attempt-views';
import { answersRevealed, REVEAL_FACTS_SQL, RevealFactsRow } from './answer-reveal';
import { CategoryDraw, drawFromPools } from './quiz-draw';
import type { AnswerKey } from './quiz-grading';

export interface StartedAttempt {
  /** False when the open attempt was returned again (200 instead of 201). */
  created: boolean;
  attempt: OpenAttemptResponse;
}

type OpenAttempt = Pick<
  AttemptRow,
  'id' | 'number' | 'startedAt' | 'expiresAt' | 'drawn' | 'answers' | 'overdue'
>;

/** All a start needs, read in one statement: the quiz, the caller's enrolment and attempts, the bank. */
interface StartRow {
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number | null;
  shuffle: boolean;
  enrollmentId: string;
  used: number;
  lastNumber: number;
  /** The open attempt's columns, all null when there is none. */
  openId: string | null;
  openNumber: number;
  openStartedAt: Date;
  openExpiresAt: Date | null;
  openDrawn: AttemptRow['drawn'];
  openAnswers: AttemptRow['answers'];
  openOverdue: boolean;
  /** The open attempt's drawn questions as shown (the versions it drew), null without one. */
  openShown: AttemptQuestion[] | null;
  bank: AttemptQuestion[];
  /** Per draw rule: how many to draw and the category's current questions. */
  draws: CategoryDraw[];
}

/** Starting, resuming and reading attempts; grading lives in AttemptSubmissionService. */
@Injectable()
export class QuizAttemptsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One read, then at most one write. Racing starts of one learner are settled by the
   * unique indexes (one open attempt; attempt numbers 1, 2, 3…): the loser's insert does
   * nothing and its next read finds the winner's attempt, so it answers like a resume.
   */
  async start(caller: AuthUser, quizId: string): Promise<StartedAttempt> {
    for (let tries = 0; tries < 3; tries++) {
      const started = await this.tryStart(caller, quizId);
      if (started) return started;
    }
    throw new ConflictException('Another attempt is being started; try again');
  }

  private async tryStart(caller: AuthUser, quizId: string): Promise<StartedAttempt | null> {
    const {
      rows: [row],
    } = await runPrepared<StartRow>(this.db.manager, START_READ, [quizId, caller.id]);
    if (!row) throw new NotFoundException('Quiz not found');
    const bank = row.bank ?? [];
    const open: OpenAttempt | null =
      row.openId === null
        ? null
        : {
            id: row.openId,
            number: row.openNumber,
            startedAt: row.openStartedAt,
            expiresAt: row.openExpiresAt,
            drawn: row.openDrawn,
            answers: row.openAnswers,
            overdue: row.openOverdue,
          };
    if (open && !open.overdue) {
      const shown = drawnQuestions(open.drawn, row.openShown ?? []);
      const attempt = openAttemptView({ ...open, quizId }, shown);
      return { created: false, attempt };
    }
    // Past its deadline but still open: close it as expired; it counts as used.
    if (open) await expireOverdue(this.db.manager, open.id);
    if (row.maxAttempts !== null && row.used >= row.maxAttempts) {
      throw new ConflictException(`All ${row.maxAttempts} attempts of this quiz are used`);
    }
    const draws = row.draws ?? [];
    if (bank.length === 0 && draws.every((d) => d.questions.length === 0)) {
      throw new ConflictException('This quiz has no questions yet');
    }
    const drawn = drawFromPools(bank, draws, row);
    const pool = draws.length ? [...bank, ...draws.flatMap((d) => d.questions)] : bank;
    const {
      rows: [inserted],
    } = await runPrepared<Pick<AttemptRow, 'id' | 'startedAt' | 'expiresAt'>>(
      this.db.manager,
      START_INSERT,
      [
        caller.id,
        quizId,
        row.enrollmentId,
        row.lastNumber + 1,
        row.timeLimitSeconds,
        JSON.stringify(drawn),
      ],
    );
    if (!inserted) return null;
    const attempt = { ...inserted, quizId, number: row.lastNumber + 1, answers: null };
    return { created: true, attempt: openAttemptView(attempt, drawnQuestions(drawn, pool)) };
  }

  async history(caller: AuthUser, quizId: string): Promise<AttemptSummary[]> {
    const [enrolled] = await this.db.query(
      `SELECT 1 ${QUIZ_OF_ENROLMENT_SQL} WHERE q.id = $1 AND e.user_id = $2`,
      [quizId, caller.id],
    );
    if (!enrolled) throw new NotFoundException('Quiz not found');
    const rows: (AttemptSummary & { overdue: boolean })[] = await this.db.query(
      ATTEMPT_HISTORY_SQL,
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

  /** The caller's own attempt (404 for anyone else's, never 403), read in one statement. */
  async state(caller: AuthUser, attemptId: string): Promise<AttemptStateResponse> {
    const [row] = (await this.db.query(
      `SELECT ${ATTEMPT_COLUMNS_SQL('a')}, q.passing_score AS "passingScore", ${REVEAL_FACTS_SQL('a', 'q')},
              ${SHOWN_QUESTIONS_SQL(`x.id = ANY (${DRAWN_IDS_SQL('a.drawn')})`)} AS shown,
              CASE WHEN a.status <> 'open' OR ${OVERDUE_SQL('a')}
                   THEN ${ANSWER_KEYS_SQL(`x.id = ANY (${DRAWN_IDS_SQL('a.drawn')})`)} END AS keys
         FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
        WHERE a.id = $1 AND a.user_id = $2`,
      [attemptId, caller.id],
    )) as (AttemptRow &
      RevealFactsRow & { passingScore: number; shown: AttemptQuestion[]; keys: AnswerKey[] })[];
    if (!row) throw new NotFoundException('Attempt not found');
    const questions = drawnQuestions(row.drawn, row.shown);
    if (row.status === 'open' && !row.overdue) return openAttemptView(row, questions);
    const status = row.overdue ? 'expired' : row.status;
    const keys = keysInDrawOrder(row.drawn, row.keys);
    const reveal = {
      policy: row.policy,
      shown: answersRevealed({ ...row, passed: row.passedEver }),
    };
    return closedAttemptView({ ...row, status }, questions, keys, row.passingScore, reveal);
  }
}
