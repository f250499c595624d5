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
 * What a password form shows for a failure: the server's own (Vietnamese) reason for what
 * it refused itself (policy, code, token: field code `invalid`), a field error to translate
 * for the validator's refusals (empty, too long…, whose message is English), or a
 * translation key for throttling, network and anything else.
 */
export function credentialsError(
  error: unknown,
): { text: string } | { key: string } | { field: ApiFieldError } {
  if (!isApiError(error)) return { key: 'account.errors.generic' };
  if (error.statusCode === 400) {
    const [first] = error.errors;
    if (first && first.code !== 'invalid') return { field: first };
    return { text: first?.message ?? error.message };
  }
  if (error.statusCode === 429) return { key: 'login.errors.throttled' };
  if (error.statusCode === NETWORK_ERROR_STATUS) return { key: 'common.networkError' };
  return { key: 'account.errors.generic' };
}
