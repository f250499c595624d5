import type {
  AttemptQuestion,
  AttemptStateResponse,
  AttemptSummary,
  OpenAttemptResponse,
} from '@dx/contracts';
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
  Statement,
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
import { CATEGORY_DRAWS_SQL, CategoryDraw, drawFromPools } from './quiz-draw';
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

/** The quiz, visible only to learners enrolled on its course version (no row for anyone else). */
const QUIZ_OF_ENROLMENT_SQL = `
  FROM quiz q
  JOIN course_version cv ON cv.id = q.course_version_id
  JOIN enrollment e ON e.course_id = cv.course_id AND e.course_version_id = q.course_version_id
                   AND e.current`;

export const START_READ: Statement = {
  name: 'quiz_start_read',
  text: `
SELECT q.time_limit_seconds AS "timeLimitSeconds", q.max_attempts AS "maxAttempts",
       q.questions_per_attempt AS "questionsPerAttempt", q.shuffle, e.id AS "enrollmentId",
       used.n AS used, used.last AS "lastNumber",
       o.id AS "openId", o.number AS "openNumber", o.started_at AS "openStartedAt",
       o.expires_at AS "openExpiresAt", o.drawn AS "openDrawn", o.answers AS "openAnswers",
       ${OVERDUE_SQL('o')} AS "openOverdue",
       CASE WHEN o.id IS NOT NULL
            THEN ${SHOWN_QUESTIONS_SQL(`x.id = ANY (${DRAWN_IDS_SQL('o.drawn')})`)} END AS "openShown",
       CASE WHEN o.id IS NULL OR ${OVERDUE_SQL('o')} THEN ${SHOWN_QUESTIONS_SQL('x.quiz_id = q.id')} END AS bank,
       CASE WHEN o.id IS NULL OR ${OVERDUE_SQL('o')} THEN ${CATEGORY_DRAWS_SQL('q.id')} END AS draws
  ${QUIZ_OF_ENROLMENT_SQL}
  CROSS JOIN LATERAL (SELECT count(*)::int AS n, coalesce(max(a.number), 0) AS last
                        FROM quiz_attempt a WHERE a.user_id = e.user_id AND a.quiz_id = q.id) used
  LEFT JOIN quiz_attempt o ON o.user_id = e.user_id AND o.quiz_id = q.id AND o.status = 'open'
 WHERE q.id = $1 AND e.user_id = $2`,
};

/** One clock reading for both columns, from the database so every API process agrees. */
export const START_INSERT: Statement = {
  name: 'quiz_start_insert',
  text: `INSERT INTO quiz_attempt (user_id, quiz_id, enrollment_id, number, status, started_at, expires_at, drawn)
         SELECT $1, $2, $3, $4, 'open', t.ts, t.ts + $5::int * interval '1 second', $6::jsonb
           FROM (SELECT clock_timestamp() AS ts) t
         ON CONFLICT DO NOTHING
         RETURNING id, started_at AS "startedAt", expires_at AS "expiresAt"`,
};

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
