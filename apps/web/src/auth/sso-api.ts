import type { LoginResponse, OidcExchangeRequest } from '@dx/contracts';
import { api } from '../api/client';

/** Where the browser goes to start a sign-on (the API redirects to the identity provider). */
export const SSO_START_URL = api.href('/auth/oidc/start');

export const ssoStatusQueryKey = ['auth', 'oidc'] as const;

export function fetchSsoStatus(signal?: AbortSignal): Promise<{ enabled: boolean }> {
  return api.get<{ enabled: boolean }>('/auth/oidc', { signal, anonymous: true });
}

/** The one-time code of a finished sign-on for the session (works once, for 60 s). */
export function exchangeSsoCode(code: string): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/oidc/exchange', { code } satisfies OidcExchangeRequest, {
    anonymous: true,
  });
}
