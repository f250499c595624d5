import { api } from '../api/client';
import type { LoginRequest, RefreshTokenRequest, SignInResponse } from '@dx/contracts';
import type { MeResponse } from '../api/types';

export const meQueryKey = ['me'] as const;

/** Tokens, or `{mfa, mfaToken}` when a second factor is due. */
export function login(credentials: LoginRequest): Promise<SignInResponse> {
  // Anonymous: a 401 here means wrong credentials, not an expired session.
  return api.post<SignInResponse>('/auth/login', credentials, { anonymous: true });
}

export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>('/me', { signal });
}

export function logout(refreshToken: string): Promise<void> {
  return api
    .post<void>('/auth/logout', { refreshToken } satisfies RefreshTokenRequest, { anonymous: true })
    .catch(() => undefined);
}
