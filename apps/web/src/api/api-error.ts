import {
  errorCodeOfStatus,
  isErrorCode,
  isFieldErrorCode,
  type ErrorCode,
  type ErrorParams,
} from '@dx/contracts';
import type { ApiErrorBody, ApiFieldError } from './types';

/** Status used when the request never got an HTTP answer (offline, DNS, CORS…). */
export const NETWORK_ERROR_STATUS = 0;

export type ApiErrorInit = Omit<ApiErrorBody, 'errors' | 'code'> & {
  code?: ErrorCode;
  errors?: ApiFieldError[];
};

/**
 * An error answer of the API, carrying the contract's `{statusCode, code, message, errors[]}`.
 * Show it through `api/error-text.ts` (codes translated), never its English `message`.
 */
export class ApiError extends Error implements ApiErrorBody {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly errors: ApiFieldError[];

  constructor(body: ApiErrorInit) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code ?? errorCodeOfStatus(body.statusCode);
    if (body.params) this.params = body.params;
    this.errors = body.errors ?? [];
  }

  /** Message of the first error about `field`, for showing beside an input. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    field: typeof e.field === 'string' ? e.field : '',
    message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
    code: isFieldErrorCode(e.code) ? e.code : 'invalid',
    ...(isParams(e.params) && { params: e.params }),
  }));
}

function isParams(value: unknown): value is ErrorParams {
  return (
    isRecord(value) &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/**
 * Builds an ApiError from a non-2xx answer. The body may be the contract's JSON, NestJS's
 * default shape (`message` as a string array), plain text from a proxy, or empty.
 */
export function parseApiError(status: number, statusText: string, bodyText: string): ApiError {
  let parsed: unknown;
  try {
    parsed = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    parsed = undefined;
  }

  const fallbackMessage = statusText || `HTTP ${status}`;
  if (!isRecord(parsed)) {
    const text = bodyText.trim();
    const message = text && text.length <= 200 && !text.startsWith('<') ? text : fallbackMessage;
    return new ApiError({ statusCode: status, message });
  }

  const statusCode =
    typeof parsed.statusCode === 'number' && parsed.statusCode >= 400 ? parsed.statusCode : status;
  let message = fallbackMessage;
  if (typeof parsed.message === 'string' && parsed.message) {
    message = parsed.message;
  } else if (Array.isArray(parsed.message) && parsed.message.length > 0) {
    message = parsed.message.map(String).join('; ');
  } else if (typeof parsed.error === 'string' && parsed.error) {
    message = parsed.error;
  }
  return new ApiError({
    statusCode,
    message,
    // An unknown code (a newer API, a proxy's own body) falls back to the status's.
    ...(isErrorCode(parsed.code) && { code: parsed.code }),
    ...(isParams(parsed.params) && { params: parsed.params }),
    errors: parseFieldErrors(parsed.errors),
  });
}

export function networkError(cause: unknown): ApiError {
  const message = cause instanceof Error && cause.message ? cause.message : 'Network error';
  return new ApiError({ statusCode: NETWORK_ERROR_STATUS, message });
}
