import type { CreatedId, LessonFileUploadResponse } from '@dx/contracts';
import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  Patch,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CourseQuizzesService } from './course-quizzes.service';
import { CourseStructureService } from './course-structure.service';
import { CreateLessonDto, LessonFileUploadDto, UpdateLessonDto } from './dto/lesson.dto';
import { UpdateModuleDto } from './dto/module.dto';
import { CreateQuestionDto, UpdateQuestionDto } from './dto/question.dto';
import { UpdateQuizDto } from './dto/quiz.dto';
import { LessonFileInterceptor } from './lesson-file.interceptor';
import { LessonFilesService, LessonUpload } from './lesson-files.service';

const DRAFT_NOTE =
  'Always edits the draft: an id of the published version opens the draft (copying the content) and the answer carries the draft id.';

/** Authoring of a course's parts, addressed by their own ids (trainers in scope). */
@ApiTags('courses')
@ApiBearerAuth()
@Roles('trainer')
@Controller()
export class CourseContentController {
  constructor(
    private readonly structure: CourseStructureService,
    private readonly quizzes: CourseQuizzesService,
    private readonly files: LessonFilesService,
  ) {}

  @Patch('modules/:id')
  @ApiOperation({ summary: 'Rename or move a module', description: DRAFT_NOTE })
  updateModule(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateModuleDto,
  ): Promise<CreatedId> {
    return this.structure.updateModule(u, id, dto);
  }

  @Delete('modules/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a module and its lessons from the draft',
    description: DRAFT_NOTE,
  })
  deleteModule(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.structure.deleteModule(u, id);
  }

  @Post('modules/:id/lessons')
  @ApiOperation({
    summary: 'Add a lesson (text: markdown content; video: https URL; file: upload next)',
    description: DRAFT_NOTE,
  })
  addLesson(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateLessonDto,
  ): Promise<CreatedId> {
    return this.structure.addLesson(u, id, dto);
  }

  @Patch('lessons/:id')
  @ApiOperation({ summary: 'Change or move a lesson', description: DRAFT_NOTE })
  updateLesson(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateLessonDto,
  ): Promise<CreatedId> {
    return this.structure.updateLesson(u, id, dto);
  }

  @Delete('lessons/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a lesson from the draft', description: DRAFT_NOTE })
  deleteLesson(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.structure.deleteLesson(u, id);
  }

  @Post('lessons/:id/file')
  @HttpCode(200)
  @UseInterceptors(LessonFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: LessonFileUploadDto })
  @ApiOperation({
    summary:
      "Attach the file of a file lesson (PDF, DOCX, PPTX, XLSX, MP4 by content; ≤ 20 MB); replaces the draft's",
    description: DRAFT_NOTE,
  })
  uploadFile(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: LessonUpload | undefined,
  ): Promise<LessonFileUploadResponse> {
    return this.files.upload(u, id, file);
  }

  @Patch('quizzes/:id')
  @ApiOperation({
    summary: 'Change a quiz; 409 when it would be a second final quiz',
    description: DRAFT_NOTE,
  })
  updateQuiz(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateQuizDto,
  ): Promise<CreatedId> {
    return this.quizzes.updateQuiz(u, id, dto);
  }

  @Delete('quizzes/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a quiz and its questions from the draft',
    description: DRAFT_NOTE,
  })
  deleteQuiz(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.quizzes.deleteQuiz(u, id);
  }

  @Post('quizzes/:id/questions')
  @ApiOperation({
    summary: 'Add a question: single/true_false one correct option, multiple ≥ 1; 2–10 options',
    description: DRAFT_NOTE,
  })
  addQuestion(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateQuestionDto,
  ): Promise<CreatedId> {
    return this.quizzes.addQuestion(u, id, dto);
  }

  @Patch('questions/:id')
  @ApiOperation({
    summary: 'Replace a question (text, type, options, explanation) or move it',
    description: DRAFT_NOTE,
  })
  updateQuestion(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateQuestionDto,
  ): Promise<CreatedId> {
    return this.quizzes.updateQuestion(u, id, dto);
  }

  @Delete('questions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a question from the draft', description: DRAFT_NOTE })
  deleteQuestion(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.quizzes.deleteQuestion(u, id);
  }
}
