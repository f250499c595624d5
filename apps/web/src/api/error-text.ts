import type { JobErrorCode } from '@dx/contracts';
import type { TFunction } from 'i18next';
import { isApiError, NETWORK_ERROR_STATUS } from './api-error';
import type { ApiFieldError } from './types';

/**
 * The single place API errors become words: codes are translated (`apiErrors.*` in the
 * catalogues), so no English API text reaches the Vietnamese UI. Pages use these helpers
 * rather than `error.message`.
 */
export function apiErrorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('common.error');
  if (error.statusCode === NETWORK_ERROR_STATUS) return t('common.networkError');
  const minutes = retryAfterMinutes(error);
  if (minutes) return t('apiErrors.retryAfter', { minutes });
  return t(`apiErrors.codes.${error.code}`, error.params ?? {});
}

/**
 * The wait a throttled answer (429) names, in whole minutes rounded up (every throttle of
 * the API sends `params.retryAfterSeconds`), or null when the error is something else.
 */
export function retryAfterMinutes(error: unknown): number | null {
  if (!isApiError(error) || error.code !== 'too_many_requests') return null;
  const seconds = Number(error.params?.retryAfterSeconds);
  return seconds > 0 ? Math.ceil(seconds / 60) : null;
}

/** One field error in the reader's language, with the values the API gave (`{{title}}`…). */
export function fieldErrorText(t: TFunction, error: ApiFieldError): string {
  return t(`apiErrors.fields.${error.code}`, error.params ?? {});
}

/** Why a job failed, in the reader's language (`job_failed` when the API names no code). */
export function jobErrorText(t: TFunction, status: { errorCode?: JobErrorCode }): string {
  return t(`apiErrors.codes.${status.errorCode ?? 'job_failed'}`);
}

/** The first error of each field, translated: for showing beside the form's inputs. */
export function fieldErrorTexts(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const e of error.errors) out[e.field] ??= fieldErrorText(t, e);
  return out;
}
