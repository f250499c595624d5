import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { CurriculaModule } from '../curricula/curricula.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CourseCompletionService } from './course-completion.service';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { LessonsController } from './lessons.controller';
import { LessonsService } from './lessons.service';

/** Enrolment, lessons, progress and course completion. */
@Module({
  // CoursesModule lends the FileStorage lesson files live in; CurriculaModule the
  // programme-certificate check run on completion. Neither imports this module: no cycle.
  imports: [OrgUnitsModule, CoursesModule, CurriculaModule],
  controllers: [EnrollmentsController, LessonsController],
  providers: [CourseCompletionService, EnrollmentsService, LessonsService],
  exports: [CourseCompletionService],
})
export class LearningModule {}
