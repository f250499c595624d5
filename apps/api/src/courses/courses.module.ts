import { APP_CONFIG, AppConfig } from '@dx/config';
import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CourseAccessService } from './course-access.service';
import { CourseCatalogService } from './course-catalog.service';
import { CourseContentController } from './course-content.controller';
import { CourseDraftService } from './course-draft.service';
import { CourseOutlineService } from './course-outline.service';
import { CourseQuizzesService } from './course-quizzes.service';
import { CourseStructureService } from './course-structure.service';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';
import { LessonFilesService } from './lesson-files.service';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';

/**
 * Authoring, publishing and the catalog of courses. Exports FileStorage (lesson files
 * for the learning feature) and CourseAccessService (who may read a course).
 */
@Module({
  imports: [OrgUnitsModule],
  controllers: [CoursesController, CourseContentController],
  providers: [
    CourseAccessService,
    CourseDraftService,
    CoursesService,
    CourseCatalogService,
    CourseOutlineService,
    CourseStructureService,
    CourseQuizzesService,
    LessonFilesService,
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(config.storageDir),
    },
  ],
  exports: [FileStorage, CourseAccessService],
})
export class CoursesModule {}
