import type { ProgressResponse } from '@dx/contracts';
import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { sendSharedJson } from '../http/shared-json';
import { uuidParam } from '../http/uuid-param.pipe';
import { safeMimeType } from './lesson-file';
import { LessonsService } from './lessons.service';

@ApiTags('learning')
@ApiBearerAuth()
@Controller('lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'Lesson content for an enrolled learner (markdown rendered and sanitised); records the resume point',
  })
  async content(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    // One of two bodies shared by every learner of the version: serialised once, with an ETag.
    sendSharedJson(res, await this.lessons.content(user, id));
  }

  @Get(':id/file')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: "The lesson's attached file (enrolled learners, trainers in scope)" })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.lessons.download(user, id);
    // Never let a browser guess a type and render an uploaded file inline.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.stream, {
      type: safeMimeType(file.mime),
      disposition: attachmentDisposition(file.fileName),
    });
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mark a lesson read (idempotent); returns progress and whether this completed the course',
  })
  complete(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProgressResponse> {
    return this.lessons.complete(user, id);
  }
}
