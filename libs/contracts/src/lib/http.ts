/** Error body of every non-2xx answer of the API. */
export interface ApiErrorBody {
  statusCode: number;
  message: string;
  errors: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
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
