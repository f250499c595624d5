import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CourseAccessService } from './course-access.service';
import { CourseLessonOrderService } from './course-lesson-order.service';
import { CourseCatalogService } from './course-catalog.service';
import { CourseContentController } from './course-content.controller';
import { CourseDraftService } from './course-draft.service';
import { CourseOutlineService } from './course-outline.service';
import { CourseQuizzesService } from './course-quizzes.service';
import { CourseStructureService } from './course-structure.service';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';
import { LessonFilesService } from './lesson-files.service';

/**
 * Authoring, publishing and the catalog of courses. Exports CourseAccessService (who may
 * read a course). Lesson files go to the global FILE_STORAGE (libs/storage).
 */
@Module({
  imports: [OrgUnitsModule],
  controllers: [CoursesController, CourseContentController],
  providers: [
    CourseLessonOrderService,
    CourseAccessService,
    CourseDraftService,
    CoursesService,
    CourseCatalogService,
    CourseOutlineService,
    CourseStructureService,
    CourseQuizzesService,
    LessonFilesService,
  ],
  exports: [CourseAccessService, CourseDraftService, CourseLessonOrderService],
})
export class CoursesModule {}
