import type { ErrorCode, ErrorParams, FieldErrorCode } from './errors';

/** Error body of every non-2xx answer of the API. */
export interface ApiErrorBody {
  statusCode: number;
  /** What went wrong, for programs and translations (`message` is English, for logs). */
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
  errors: CodedFieldError[];
}

/** A problem with one input field, as the API builds it (the filter fills a missing code). */
export interface FieldError {
  field: string;
  message: string;
  code?: FieldErrorCode;
  params?: ErrorParams;
}

/** A field error as it leaves the API: always with its code. */
export interface CodedFieldError extends FieldError {
  code: FieldErrorCode;
}

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A page of a list too long to count exactly every time (the audit log, a province's
 * certificate register): `total` is exact when `totalExact`; otherwise at least that many
 * match, and a next page exists.
 */
export interface CappedPaginated<T> extends Paginated<T> {
  totalExact: boolean;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Query of every paged list: pages count from 1; `pageSize` up to MAX_PAGE_SIZE. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** `202` of a request for work done in the background: the job to follow. */
export interface JobAccepted {
  jobId: string;
}
