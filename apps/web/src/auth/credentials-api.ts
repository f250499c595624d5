import { api } from '../api/client';
import type {
  ActivateRequest,
  ChangePasswordRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  SignInResponse,
} from '@dx/contracts';
import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';
import type { ApiFieldError } from '../api/types';
import { throttledText, type LoginErrorText } from './login-error';

// Anonymous requests: a 400/401 answer here is about the code or token, not the session.

export function activateAccount(body: ActivateRequest) {
  return api.post<SignInResponse>('/auth/activate', body, { anonymous: true });
}

export function requestPasswordReset(username: string) {
  const body: PasswordResetRequest = { username };
  return api.post<void>('/auth/password-reset', body, { anonymous: true });
}

export function confirmPasswordReset(body: PasswordResetConfirmRequest) {
  return api.post<void>('/auth/password-reset/confirm', body, { anonymous: true });
}

export function changePassword(body: ChangePasswordRequest) {
  return api.post<void>('/me/password', body);
}

/**
 * What a password form shows for a failure, always translated: the first field error for
 * bad input (each refusal has its own code: wrong activation code, reset link, current
 * password, the password rule broken), else a translation key for the answer's code,
 * throttling (with the wait the API names), network and anything else.
 */
export function credentialsError(
  error: unknown,
): { key: string; params?: LoginErrorText['params'] } | { field: ApiFieldError } {
  if (!isApiError(error)) return { key: 'account.errors.generic' };
  if (error.statusCode === 400) {
    const [first] = error.errors;
    return first ? { field: first } : { key: `apiErrors.codes.${error.code}` };
  }
  if (error.code === 'too_many_requests') return throttledText(error);
  if (error.statusCode === NETWORK_ERROR_STATUS) return { key: 'common.networkError' };
  return { key: 'account.errors.generic' };
}

/** A refusal split for a form: the errors to show beside its own fields, and the rest. */
export interface CredentialsProblem {
  /** The first error of each of the form's own fields. */
  beside: Record<string, ApiFieldError>;
  /** What the alert above the form says; null when everything is said beside the fields. */
  box: ReturnType<typeof credentialsError> | null;
}

/**
 * `credentialsError` for a form with inputs `ownFields`: their errors go under them; the box
 * keeps what no input of the form can show (the reset link's token, throttling, network).
 */
export function credentialsProblem(
  error: unknown,
  ownFields: readonly string[],
): CredentialsProblem {
  const beside: Record<string, ApiFieldError> = {};
  if (!error) return { beside, box: null };
  if (!isApiError(error) || error.statusCode !== 400 || error.errors.length === 0) {
    return { beside, box: credentialsError(error) };
  }
  const others = error.errors.filter((e) => !ownFields.includes(e.field));
  for (const e of error.errors) if (ownFields.includes(e.field)) beside[e.field] ??= e;
  return { beside, box: others.length > 0 ? { field: others[0] } : null };
}
