import { Module } from '@nestjs/common';
import { CourseCompletionService } from './course-completion.service';

/** Enrolment, lessons, progress and course completion. */
@Module({
  providers: [CourseCompletionService],
  exports: [CourseCompletionService],
})
export class LearningModule {}
