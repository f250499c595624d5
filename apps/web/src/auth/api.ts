import { api } from '../api/client';
import type { LoginRequest, LoginResponse, MeResponse } from '../api/types';

export const meQueryKey = ['me'] as const;

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  // Anonymous: a 401 here means wrong credentials, not an expired session.
  return api.post<LoginResponse>('/auth/login', credentials, { anonymous: true });
}

export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>('/me', { signal });
}

export function logout(refreshToken: string): Promise<void> {
  return api
    .post<void>('/auth/logout', { refreshToken }, { anonymous: true })
    .catch(() => undefined);
}
