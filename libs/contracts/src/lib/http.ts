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

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
