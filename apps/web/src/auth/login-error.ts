import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';

export type LoginErrorKey =
  | 'login.errors.invalid'
  | 'login.errors.throttled'
  | 'login.errors.generic'
  | 'common.networkError';

/** Which message the login form shows for a failed attempt. */
export function loginErrorKey(error: unknown): LoginErrorKey {
  if (!isApiError(error)) return 'login.errors.generic';
  switch (error.statusCode) {
    case 400:
    case 401:
      return 'login.errors.invalid';
    case 429:
      return 'login.errors.throttled';
    case NETWORK_ERROR_STATUS:
      return 'common.networkError';
    default:
      return 'login.errors.generic';
  }
}
