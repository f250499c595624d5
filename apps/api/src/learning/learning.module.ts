import { Module } from '@nestjs/common';
import { CertificateRequestsModule } from '../certificates/certificate-requests.module';
import { CoursesModule } from '../courses/courses.module';
import { CurriculaModule } from '../curricula/curricula.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { QuizResultsModule } from '../quizzes/quiz-results.module';
import { TrainingLedgerModule } from '../training/training-ledger.module';
import { CourseCompletionService } from './course-completion.service';
import { CourseProgressController } from './course-progress.controller';
import { CourseProgressService } from './course-progress.service';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { LessonsController } from './lessons.controller';
import { LessonContentCache } from './lesson-content.cache';
import { LessonReadChecks } from './lesson-read-checks';
import { LessonsService } from './lessons.service';

/** Enrolment, lessons, progress and course completion. */
@Module({
  // CurriculaModule lends the programme-certificate check run on completion; it does not
  // import this module: no cycle.
  imports: [
    OrgUnitsModule,
    CurriculaModule,
    TrainingLedgerModule,
    CoursesModule,
    QuizResultsModule,
    CertificateRequestsModule,
  ],
  controllers: [EnrollmentsController, LessonsController, CourseProgressController],
  providers: [
    CourseCompletionService,
    EnrollmentsService,
    LessonContentCache,
    LessonReadChecks,
    LessonsService,
    CourseProgressService,
  ],
  exports: [CourseCompletionService],
})
export class LearningModule {}
