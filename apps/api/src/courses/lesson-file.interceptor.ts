import { LESSON_FILE_MAX_BYTES } from '@dx/contracts';
import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { invalidLessonFile } from './lesson-files.service';

const MultipartFile = FileInterceptor('file', {
  limits: { fileSize: LESSON_FILE_MAX_BYTES, files: 1, fields: 5, parts: 10 },
  // Browsers send file names as raw UTF-8; multer would read "Hướng dẫn.pdf" as latin1.
  defParamCharset: 'utf8',
} as Parameters<typeof FileInterceptor>[1]);

/**
 * Receives a lesson's file in memory (multer stops reading past 20 MB). Upload failures
 * become the contract's 400 on the `file` field instead of multer's bare 413/400.
 */
@Injectable()
export class LessonFileInterceptor extends MultipartFile {
  override async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // Resolves once multer has read the body, before the route handler runs.
      return await super.intercept(ctx, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) {
        throw invalidLessonFile(`must be at most ${LESSON_FILE_MAX_BYTES / 1024 / 1024} MB`);
      }
      const reason =
        err instanceof HttpException || err instanceof Error ? err.message : String(err);
      throw invalidLessonFile(`expected one file in the multipart field "file" (${reason})`);
    }
  }
}
