import type { QuizInfoResponse } from '@dx/contracts';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('quizzes/:id')
export class QuizInfoController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'The rules of a quiz and your use of it (enrolled learners; 404 otherwise)',
    description: 'Counts attempts as the start endpoint does; never any question or answer.',
  })
  async info(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) quizId: string,
  ): Promise<QuizInfoResponse> {
    const [row] = await this.db.query(
      `SELECT q.id, cv.course_id AS "courseId", q.title, q.kind, q.passing_score AS "passingScore",
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
         JOIN course_version cv ON cv.id = q.course_version_id
         JOIN enrollment e ON e.course_id = cv.course_id AND e.course_version_id = q.course_version_id
                          AND e.current
         CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM question x WHERE x.quiz_id = q.id) bank
        WHERE q.id = $1 AND e.user_id = $2`,
      [quizId, caller.id],
    );
    if (!row) throw new NotFoundException('Quiz not found');
    return row;
  }
}
