import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { TrainingLedgerModule } from '../training/training-ledger.module';
import { CourseCompletionService } from './course-completion.service';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { LessonsController } from './lessons.controller';
import { LessonContentCache } from './lesson-content.cache';
import { LessonsService } from './lessons.service';

/** Enrolment, lessons, progress and course completion. */
@Module({
  // CurriculaModule lends the programme-certificate check run on completion; it does not
  // import this module: no cycle.
  imports: [OrgUnitsModule, CurriculaModule, TrainingLedgerModule],
  controllers: [EnrollmentsController, LessonsController],
  providers: [CourseCompletionService, EnrollmentsService, LessonContentCache, LessonsService],
  exports: [CourseCompletionService],
})
export class LearningModule {}
