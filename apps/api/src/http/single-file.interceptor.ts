import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import type { ErrorParams, FieldErrorCode } from '@dx/contracts';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

export interface SingleFileUpload {
  /** multer stops reading past this many bytes. */
  maxBytes: number;
  /** Other multipart fields and parts allowed beside the file. */
  fields: number;
  parts: number;
  /** What the field must hold, for the refusal: "one CSV or XLSX file". */
  expected: string;
  /**
   * The contract's 400 on the `file` field, as the feature words it (`code`: why, and its
   * `params`, e.g. {maxMegabytes} of `file_too_large`, if it wants them).
   */
  refuse: (message: string, code: FieldErrorCode, params?: ErrorParams) => HttpException;
}

/**
 * An interceptor that receives one upload in the multipart field `file`, in memory (multer).
 * Upload failures (too large, a second file, a broken body) become the feature's 400 on
 * `file` instead of multer's bare 413/400. File names are read as UTF-8: browsers send
 * "Hướng dẫn.pdf" raw, which multer would otherwise read as latin1.
 */
export function singleFileInterceptor(upload: SingleFileUpload): Type<NestInterceptor> {
  const MultipartFile = FileInterceptor('file', {
    limits: { fileSize: upload.maxBytes, files: 1, fields: upload.fields, parts: upload.parts },
    defParamCharset: 'utf8',
  } as Parameters<typeof FileInterceptor>[1]);

  @Injectable()
  class SingleFileInterceptor extends MultipartFile {
    override async intercept(
      ctx: ExecutionContext,
      next: CallHandler,
    ): Promise<Observable<unknown>> {
      try {
        // Resolves once multer has read the body, before the route handler runs.
        return await super.intercept(ctx, next);
      } catch (err) {
        if (err instanceof PayloadTooLargeException) {
          const maxMegabytes = upload.maxBytes / 1024 / 1024;
          throw upload.refuse(`must be at most ${maxMegabytes} MB`, 'file_too_large', {
            maxMegabytes,
          });
        }
        const reason =
          err instanceof HttpException || err instanceof Error ? err.message : String(err);
        throw upload.refuse(
          `expected ${upload.expected} in the multipart field "file" (${reason})`,
          'file_rejected',
        );
      }
    }
  }
  return SingleFileInterceptor;
}
