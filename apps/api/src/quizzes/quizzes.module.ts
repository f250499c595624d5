import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { LearningModule } from '../learning/learning.module';
import { AttemptSubmissionService } from './attempt-submission.service';
import { BankImportService } from './banks/bank-import.service';
import { BankAdminService } from './banks/bank-admin.service';
import { DrawRulesService } from './banks/draw-rules.service';
import { QuestionBanksController } from './banks/question-banks.controller';
import { QuestionBanksService } from './banks/question-banks.service';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { AttemptsController } from './attempts.controller';
import { CourseAnalyticsController } from './course-analytics.controller';
import { CourseAnalyticsService } from './course-analytics.service';
import { QuestionImagesController } from './question-images.controller';
import { QuestionImportController } from './question-import.controller';
import { QuestionImportService } from './question-import.service';
import { QuizInfoController } from './quiz-info.controller';
import { QuizInfoService } from './quiz-info.service';
import { QuizAttemptsController } from './quiz-attempts.controller';
import { QuizAttemptsService } from './quiz-attempts.service';

/** Quiz attempts: draw, timing and grading on the server; trainers' analytics of them. */
@Module({
  imports: [LearningModule, CoursesModule, OrgUnitsModule],
  controllers: [
    QuizInfoController,
    QuizAttemptsController,
    AttemptsController,
    CourseAnalyticsController,
    QuestionImportController,
    QuestionImagesController,
    QuestionBanksController,
  ],
  providers: [
    QuizInfoService,
    QuizAttemptsService,
    AttemptSubmissionService,
    CourseAnalyticsService,
    QuestionImportService,
    QuestionBanksService,
    BankImportService,
    DrawRulesService,
    BankAdminService,
  ],
})
export class QuizzesModule {}
