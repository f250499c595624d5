import type { QuizInfoResponse } from '@dx/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { QuizInfoService } from './quiz-info.service';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('quizzes/:id')
export class QuizInfoController {
  constructor(private readonly quizzes: QuizInfoService) {}

  @Get()
  @ApiOperation({
    summary: 'The rules of a quiz and your use of it (enrolled learners; 404 otherwise)',
    description: 'Counts attempts as the start endpoint does; never any question or answer.',
  })
  async info(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) quizId: string,
  ): Promise<QuizInfoResponse> {
    return this.quizzes.info(caller.id, quizId);
  }
}
