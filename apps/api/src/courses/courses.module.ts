import { Module } from '@nestjs/common';

/** Authoring, publishing and the catalog of courses. */
@Module({})
export class CoursesModule {}
