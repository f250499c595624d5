import { api } from '../api/client';
import type { SignInResponse } from '@dx/contracts';
import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';
import type { ApiFieldError } from '../api/types';

// Anonymous requests: a 400/401 answer here is about the code or token, not the session.

export function activateAccount(body: { username: string; code: string; newPassword: string }) {
  return api.post<SignInResponse>('/auth/activate', body, { anonymous: true });
}

export function requestPasswordReset(username: string) {
  return api.post<void>('/auth/password-reset', { username }, { anonymous: true });
}

export function confirmPasswordReset(body: { token: string; newPassword: string }) {
  return api.post<void>('/auth/password-reset/confirm', body, { anonymous: true });
}

export function changePassword(body: { currentPassword: string; newPassword: string }) {
  return api.post<void>('/me/password', body);
}

/**
 * What a password form shows for a failure, always translated: the first field error for
 * bad input (each refusal has its own code: wrong activation code, reset link, current
 * password, the password rule broken), else a translation key for the answer's code,
 * throttling, network and anything else.
 */
export function credentialsError(error: unknown): { key: string } | { field: ApiFieldError } {
  if (!isApiError(error)) return { key: 'account.errors.generic' };
  if (error.statusCode === 400) {
    const [first] = error.errors;
    return first ? { field: first } : { key: `apiErrors.codes.${error.code}` };
  }
  if (error.statusCode === 429) return { key: 'login.errors.throttled' };
  if (error.statusCode === NETWORK_ERROR_STATUS) return { key: 'common.networkError' };
  return { key: 'account.errors.generic' };
}
