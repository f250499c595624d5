import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';
import { retryAfterMinutes } from '../api/error-text';

export type LoginErrorKey =
  | 'login.errors.invalid'
  | 'login.errors.throttled'
  | 'login.errors.throttledFor'
  | 'login.errors.generic'
  | 'apiErrors.codes.mfa_required'
  | 'common.networkError';

/** A translation key and its values: what the login form says about a failed attempt. */
export interface LoginErrorText {
  key: LoginErrorKey;
  params?: { minutes: number };
}

/**
 * Which message the login form shows, from the API's code: `wrong_credentials` (also what
 * a deactivated account gets, so nobody learns that the account exists), `mfa_required`,
 * throttling with the wait in minutes when the API says how long, network and the rest.
 */
export function loginError(error: unknown): LoginErrorText {
  if (!isApiError(error)) return { key: 'login.errors.generic' };
  if (error.statusCode === NETWORK_ERROR_STATUS) return { key: 'common.networkError' };
  switch (error.code) {
    case 'wrong_credentials':
    case 'invalid_input':
    case 'bad_request':
      return { key: 'login.errors.invalid' };
    case 'mfa_required':
      return { key: 'apiErrors.codes.mfa_required' };
    case 'too_many_requests':
      return throttledText(error);
    default:
      return { key: 'login.errors.generic' };
  }
}

/** The throttling sentence of the sign-in and password forms, with the wait when known. */
export function throttledText(error: unknown): LoginErrorText {
  const minutes = retryAfterMinutes(error);
  return minutes
    ? { key: 'login.errors.throttledFor', params: { minutes } }
    : { key: 'login.errors.throttled' };
}
