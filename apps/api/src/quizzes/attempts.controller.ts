import type { AttemptStateResponse, SubmitAttemptResponse } from '@dx/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { AttemptSubmissionService } from './attempt-submission.service';
import { AttemptAnswersDto } from './dto/attempt-answers.dto';
import { QuizAttemptsService } from './quiz-attempts.service';

/** One attempt, for its owner only: anyone else gets 404, so ids reveal nothing. */
@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('attempts/:id')
export class AttemptsController {
  constructor(
    private readonly attempts: QuizAttemptsService,
    private readonly submission: AttemptSubmissionService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'An attempt: open → questions and saved answers; submitted/expired → result with review',
  })
  state(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) attemptId: string,
  ): Promise<AttemptStateResponse> {
    return this.attempts.state(caller, attemptId);
  }

  @Post('submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit and grade (exact set of options per question)',
    description:
      '409 when already submitted, or after expiresAt + 5 s grace (the attempt is then recorded as expired, score 0). ' +
      'Choosing several options of a single/true_false question grades it wrong.',
  })
  submit(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) attemptId: string,
    @Body() dto: AttemptAnswersDto,
  ): Promise<SubmitAttemptResponse> {
    return this.submission.submit(caller, attemptId, dto);
  }

  @Put('answers')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Save answers so far, to resume later (validated like submit, not graded)',
  })
  saveAnswers(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) attemptId: string,
    @Body() dto: AttemptAnswersDto,
  ): Promise<void> {
    return this.submission.saveAnswers(caller, attemptId, dto);
  }
}
