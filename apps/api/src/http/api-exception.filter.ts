import type { ApiErrorBody, FieldError } from '@dx/contracts';
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
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'Already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'Refers to something that does not exist or is still in use' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'Invalid value' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'Invalid date' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'Date out of range' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'Value too long' },
};

/**
 * The database went away under the request (restart, failover, a cut connection, a full
 * server): not a fault of the request nor a bug, so 503 and "try again" rather than 500.
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown / cannot connect now),
 * 53300 (too many connections); node-postgres reports a dropped socket by message only.
 */
const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const DROPPED = /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect/;

export function isDatabaseUnavailable(exception: unknown): boolean {
  const e = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  if (code.startsWith('08') || PG_UNAVAILABLE_CODES.has(code) || SOCKET_CODES.has(code)) return true;
  return typeof e?.message === 'string' && DROPPED.test(e.message);
}

/** Seconds a client should wait before retrying after a 503. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves the API in the contract's shape
 * `{statusCode, message, errors:[{field, message}]}`. Unexpected errors are logged with
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
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string') return { statusCode: status, message: response, errors: [] };
      const r = response as { message?: unknown; errors?: FieldError[] };
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      return { statusCode: status, message, errors: r.errors ?? [] };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code ?? '';
      const known = PG_CLIENT_ERRORS[code];
      if (known) return { statusCode: known.status, message: known.message, errors: [] };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        message: 'The service is briefly unavailable: try again in a few seconds',
        errors: [],
      };
    }
    // body-parser failures (too large, wrong charset) carry their own status; Nest already
    // turns broken JSON into a BadRequestException.
    const e = exception as { status?: number; message?: string };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      return { statusCode: e.status, message: e.message ?? 'Bad request', errors: [] };
    }
    return { statusCode: 500, message: 'Internal server error', errors: [] };
  }
}
