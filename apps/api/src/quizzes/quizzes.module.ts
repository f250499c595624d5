import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { AttemptSubmissionService } from './attempt-submission.service';
import { AttemptsController } from './attempts.controller';
import { QuizInfoController } from './quiz-info.controller';
import { QuizAttemptsController } from './quiz-attempts.controller';
import { QuizAttemptsService } from './quiz-attempts.service';

/** Quiz attempts: draw, timing and grading on the server. */
@Module({
  imports: [LearningModule],
  controllers: [QuizInfoController, QuizAttemptsController, AttemptsController],
  providers: [QuizAttemptsService, AttemptSubmissionService],
})
export class QuizzesModule {}
