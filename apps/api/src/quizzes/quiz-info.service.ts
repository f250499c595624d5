import type { QuizInfoResponse } from '@dx/contracts';
import { courseVersionJoin, currentEnrolmentJoin } from '@dx/db';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * A quiz's rules and the caller's use of it, only when the caller's current enrolment is
 * pinned to the quiz's version ($1 quiz, $2 caller): the version's course comes from the
 * courses feature, the enrolment from the learning feature, composed into one statement.
 */
const QUIZ_INFO_SQL = `
  SELECT q.id, cv.course_id AS "courseId", q.title, q.kind, q.passing_score AS "passingScore",
         q.time_limit_seconds AS "timeLimitSeconds", q.max_attempts AS "maxAttempts",
         q.review_policy AS "reviewPolicy",
         -- Questions per attempt: the draw, or the whole bank when it is smaller, plus
         -- what the draw rules take from question bank categories.
         LEAST(coalesce(q.questions_per_attempt, bank.n), bank.n)
           + (SELECT coalesce(sum(r.count), 0)::int FROM quiz_draw_rule r WHERE r.quiz_id = q.id)
           AS "questionCount",
         (SELECT count(*)::int FROM quiz_attempt a WHERE a.quiz_id = q.id AND a.user_id = $2) AS "attemptsUsed",
         EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.quiz_id = q.id AND a.user_id = $2 AND a.passed) AS passed
    FROM quiz q
    ${courseVersionJoin('cv', 'q.course_version_id')}
    ${currentEnrolmentJoin('e', { userId: '$2', courseId: 'cv.course_id', versionId: 'q.course_version_id' })}
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM question x WHERE x.quiz_id = q.id) bank
   WHERE q.id = $1`;

/** What an enrolled learner may know of a quiz before starting it (never a question). */
@Injectable()
export class QuizInfoService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** 404 unless the caller's current enrolment is pinned to the quiz's version. */
  async info(callerId: string, quizId: string): Promise<QuizInfoResponse> {
    const [row] = await this.db.query(QUIZ_INFO_SQL, [quizId, callerId]);
    if (!row) throw new NotFoundException('Quiz not found');
    return row;
  }
}
