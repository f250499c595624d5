import type {
  CourseDraft,
  CourseOutline,
  CourseSummary,
  CreatedId,
  Paginated,
  PublishCourseResponse,
} from '@dx/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { sendSharedJson } from '../http/shared-json';
import { uuidParam } from '../http/uuid-param.pipe';
import { renderLessonMarkdown } from '../learning/markdown.renderer';
import { CourseCatalogService } from './course-catalog.service';
import { CourseOutlineService } from './course-outline.service';
import { CourseQuizzesService } from './course-quizzes.service';
import { CourseStructureService } from './course-structure.service';
import { CoursesService } from './courses.service';
import { CreateCourseDto } from './dto/create-course.dto';
import { AuthoringCoursesQuery, ListCoursesQuery } from './dto/list-courses.query';
import { MarkdownPreviewDto } from './dto/markdown-preview.dto';
import { CreateModuleDto } from './dto/module.dto';
import { CreateQuizDto } from './dto/quiz.dto';
import { UpdateCourseDto } from './dto/update-course.dto';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly catalogs: CourseCatalogService,
    private readonly outlines: CourseOutlineService,
    private readonly structure: CourseStructureService,
    private readonly quizzes: CourseQuizzesService,
  ) {}

  @Post()
  @Roles('trainer')
  @ApiOperation({
    summary: 'Create a course (draft version 1) owned by a unit of your scope; 409 on a taken code',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCourseDto): Promise<CourseSummary> {
    return this.courses.create(user, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Catalog: published courses owned by your unit or an ancestor',
    description:
      '`q` matches word prefixes with or without diacritics ("chuyen doi so" finds "Chuyển đổi số").',
  })
  async catalog(
    @CurrentUser() user: AuthUser,
    @Query() q: ListCoursesQuery,
    @Res() res: Response,
  ): Promise<void> {
    // Served from memory to every learner of a unit: serialised once, with an ETag.
    sendSharedJson(res, await this.catalogs.catalog(user, q));
  }

  // Declared before ':id' so "authoring" is not taken for an id.
  @Get('authoring')
  @Roles('trainer')
  @ApiOperation({ summary: 'Courses you can edit (owned by your unit or below), drafts included' })
  authoring(
    @CurrentUser() user: AuthUser,
    @Query() q: AuthoringCoursesQuery,
  ): Promise<Paginated<CourseSummary>> {
    return this.catalogs.authoring(user, q);
  }

  @Post('markdown-preview')
  @HttpCode(200)
  @Roles('trainer')
  @ApiOperation({
    summary: 'Lesson markdown rendered exactly as learners will see it (sanitised HTML)',
  })
  markdownPreview(@Body() dto: MarkdownPreviewDto): { html: string } {
    return { html: renderLessonMarkdown(dto.content) };
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Outline of the version you see (your enrolled one, else the published one); no answers',
  })
  outline(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CourseOutline> {
    return this.outlines.outline(user, id);
  }

  @Get(':id/draft')
  @ApiOperation({ summary: 'Editable content with answers (trainers in scope; 404 for others)' })
  draft(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CourseDraft> {
    return this.outlines.draft(user, id);
  }

  @Delete(':id/draft')
  @HttpCode(204)
  @Roles('trainer')
  @ApiOperation({
    summary:
      'Discard the draft and go back to the published version; 204 also when there is no draft; 409 for a course never published',
  })
  discardDraft(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.courses.discardDraft(user, id);
  }

  @Patch(':id')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Change title, description or hours of the draft (opened from the published version)',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseSummary> {
    return this.courses.update(user, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('trainer')
  @ApiOperation({
    summary: 'Publish the draft; 400 naming every reason it cannot be; 409 when there is no draft',
  })
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<PublishCourseResponse> {
    return this.courses.publish(user, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('trainer')
  @ApiOperation({ summary: 'Archive: no new enrolments; enrolled learners keep going' })
  archive(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CourseSummary> {
    return this.courses.archive(user, id);
  }

  @Post(':id/modules')
  @Roles('trainer')
  @ApiOperation({ summary: 'Add a module at the end of the draft' })
  addModule(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateModuleDto,
  ): Promise<CreatedId> {
    return this.structure.addModule(user, id, dto);
  }

  @Post(':id/quizzes')
  @Roles('trainer')
  @ApiOperation({ summary: 'Add a quiz to the draft; 409 for a second final quiz' })
  addQuiz(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateQuizDto,
  ): Promise<CreatedId> {
    return this.quizzes.addQuiz(user, id, dto);
  }
}
