import {
  applyDecorators,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  StreamableFile,
  Type,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import { attachmentDisposition } from '@dx/storage';
import type { FileJobDownload } from './file-jobs.service';

/**
 * The three routes every file job has (ask → follow → download), with what FileJobsService
 * answers on each: a feature's controller keeps its paths, roles and texts and says only
 * what differs. The 404 is the same for an unknown job and one outside the caller's scope.
 */
const OUT_OF_SCOPE = 'Unknown job, or its unit is outside your scope';

/** `POST` (the controller's path): 202 `{jobId}`; the job is written with its outbox row. */
export function StartFileJobRoute(doc: {
  summary: string;
  description?: string;
  accepted: Type<unknown>;
  /** The 400s of the request body, when it has more than the unit. */
  badRequest?: string;
}) {
  return applyDecorators(
    Post(),
    HttpCode(HttpStatus.ACCEPTED),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiAcceptedResponse({ type: doc.accepted }),
    ...(doc.badRequest ? [ApiBadRequestResponse({ description: doc.badRequest })] : []),
    ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' }),
  );
}

/** `GET :jobId`: state and progress, read from the job's row. */
export function FileJobStatusRoute(doc: { summary: string; status: Type<unknown> }) {
  return applyDecorators(
    Get(':jobId'),
    ApiOperation({ summary: doc.summary }),
    ApiOkResponse({ type: doc.status }),
    ApiNotFoundResponse({ description: OUT_OF_SCOPE }),
  );
}

/** `GET :jobId/<file>`: one file of the job; 409 before it is made, 410 once deleted. */
export function FileJobFileRoute(doc: { path?: string; summary: string; produces: string[] }) {
  return applyDecorators(
    Get(`:jobId/${doc.path ?? 'file'}`),
    ApiOperation({ summary: doc.summary }),
    ApiProduces(...doc.produces),
    ApiOkResponse({ description: 'The file, as an attachment' }),
    ApiNotFoundResponse({ description: OUT_OF_SCOPE }),
    ApiConflictResponse({ description: 'Not made yet, or failed' }),
    ApiGoneResponse({ description: 'Deleted after FILE_JOB_RETENTION_DAYS (code file_expired)' }),
  );
}

/** A job's file as the download it is. */
export function attachment(file: FileJobDownload): StreamableFile {
  return new StreamableFile(file.stream, {
    type: file.contentType,
    disposition: attachmentDisposition(file.fileName),
  });
}
