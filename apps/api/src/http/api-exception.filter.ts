import {
  errorCodeOfStatus,
  isErrorCode,
  isFieldErrorCode,
  type ApiErrorBody,
  type CodedFieldError,
  type ErrorCode,
  type ErrorParams,
  type FieldError,
} from '@dx/contracts';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes that are the caller's fault, not ours. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, code: 'already_exists', message: 'Already exists' },
  '23503': {
    status: HttpStatus.CONFLICT,
    code: 'still_referenced',
    message: 'Refers to something that does not exist or is still in use',
  },
  '22P02': { status: HttpStatus.BAD_REQUEST, code: 'invalid_value', message: 'Invalid value' },
  '22007': { status: HttpStatus.BAD_REQUEST, code: 'invalid_date', message: 'Invalid date' },
  '22008': {
    status: HttpStatus.BAD_REQUEST,
    code: 'date_out_of_range',
    message: 'Date out of range',
  },
  '22001': { status: HttpStatus.BAD_REQUEST, code: 'value_too_long', message: 'Value too long' },
};

/** The body of an error: its code is the thrower's, or the status's default. */
function body(
  statusCode: number,
  message: string,
  options: { code?: unknown; params?: ErrorParams; errors?: FieldError[] } = {},
): ApiErrorBody {
  const fallback: ErrorCode =
    statusCode === 400 && options.errors?.length ? 'invalid_input' : errorCodeOfStatus(statusCode);
  const code = isErrorCode(options.code) ? options.code : fallback;
  const errors: CodedFieldError[] = (options.errors ?? []).map((e) => ({
    ...e,
    code: isFieldErrorCode(e.code) ? e.code : 'invalid',
  }));
  return { statusCode, code, message, ...(options.params && { params: options.params }), errors };
}

/**
 * The database went away under the request (restart, failover, a cut connection, a full
 * server): not a fault of the request nor a bug, so 503 and "try again" rather than 500.
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown / cannot connect now),
 * 53300 (too many connections); node-postgres reports a dropped socket by message only.
 */
const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const DROPPED =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect/;

export function isDatabaseUnavailable(exception: unknown): boolean {
  const e = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  if (code.startsWith('08') || PG_UNAVAILABLE_CODES.has(code) || SOCKET_CODES.has(code))
    return true;
  return typeof e?.message === 'string' && DROPPED.test(e.message);
}

/** Seconds a client should wait before retrying after a 503. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves the API in the contract's shape
 * `{statusCode, code, message, params?, errors:[{field, code, message, params?}]}`. Unexpected errors are logged with
 * their stack and answered with a bare 500, never with internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (res.headersSent) return;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    const wait = body.params?.retryAfterSeconds;
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && typeof wait === 'number') {
      res.setHeader('Retry-After', String(wait));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string') return body(status, response);
      const r = response as {
        message?: unknown;
        code?: unknown;
        params?: ErrorParams;
        errors?: FieldError[];
      };
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : String(r.message ?? exception.message);
      return body(status, message, r);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code ?? '';
      const known = PG_CLIENT_ERRORS[code];
      if (known) return body(known.status, known.message, { code: known.code });
    }
    if (isDatabaseUnavailable(exception)) {
      return body(
        HttpStatus.SERVICE_UNAVAILABLE,
        'The service is briefly unavailable: try again in a few seconds',
      );
    }
    // body-parser failures (too large, wrong charset) carry their own status; Nest already
    // turns broken JSON into a BadRequestException.
    const e = exception as { status?: number; message?: string };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      return body(e.status, e.message ?? 'Bad request');
    }
    return body(500, 'Internal server error');
  }
}
