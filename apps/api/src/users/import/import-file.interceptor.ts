import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { invalidFile, MAX_IMPORT_BYTES } from './user-sheet';

const MultipartFile = FileInterceptor('file', {
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 20 },
});

/**
 * Receives the import's single file in memory (multer). Upload failures (too large, a
 * second file, a broken multipart body) become the contract's 400 on the `file` field
 * instead of multer's bare 413/400.
 */
@Injectable()
export class ImportFileInterceptor extends MultipartFile {
  override async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // Resolves once multer has read the body, before the route handler runs.
      return await super.intercept(ctx, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException)
        throw invalidFile(`must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      const reason =
        err instanceof HttpException || err instanceof Error ? err.message : String(err);
      throw invalidFile(`expected one CSV or XLSX file in the multipart field "file" (${reason})`);
    }
  }
}
