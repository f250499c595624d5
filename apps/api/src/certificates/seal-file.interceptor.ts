import { SEAL_IMAGE_MAX_BYTES } from '@dx/contracts';
import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { invalidField } from '../http/invalid-input';

const MultipartFile = FileInterceptor('file', {
  limits: { fileSize: SEAL_IMAGE_MAX_BYTES, files: 1, fields: 5, parts: 10 },
});

/** One seal image in memory (multer); upload failures become a 400 on the `file` field. */
@Injectable()
export class SealFileInterceptor extends MultipartFile {
  override async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(ctx, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) {
        throw invalidField('file', `must be at most ${SEAL_IMAGE_MAX_BYTES / 1024 / 1024} MB`, 'file_rejected');
      }
      const reason = err instanceof HttpException || err instanceof Error ? err.message : String(err);
      throw invalidField('file', `expected one PNG or JPEG image in the field "file" (${reason})`, 'file_rejected');
    }
  }
}
