import type { AttemptSummary, OpenAttemptResponse } from '@dx/contracts';
import { Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { QuizAttemptsService } from './quiz-attempts.service';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('quizzes/:id/attempts')
export class QuizAttemptsController {
  constructor(private readonly attempts: QuizAttemptsService) {}

  @Post()
  @ApiOperation({
    summary: 'Start an attempt (201), or get the open one back unchanged (200)',
    description:
      "Only for learners enrolled on the quiz's course version (404 otherwise). 409 when maxAttempts are used. " +
      'Questions and options carry ids and text only — nothing that reveals an answer.',
  })
  async start(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) quizId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OpenAttemptResponse> {
    const { created, attempt } = await this.attempts.start(caller, quizId);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return attempt;
  }

  @Get()
  @ApiOkResponse({ description: "The caller's attempts of this quiz, oldest first" })
  @ApiOperation({ summary: 'Your attempt history for a quiz (no answers)' })
  history(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) quizId: string,
  ): Promise<AttemptSummary[]> {
    return this.attempts.history(caller, quizId);
  }
}
