import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, MeResponse } from '../api/types';
import { login as loginRequest, logout as logoutRequest, meQueryKey } from './api';
import { authStore } from './auth-store';

export function useAccessToken(): string | null {
  return useSyncExternalStore(authStore.subscribe, authStore.getToken, () => null);
}

export function useAuth() {
  const token = useAccessToken();
  const queryClient = useQueryClient();

  /** Starts the session a sign-in answered with (login, account activation). */
  const adoptSession = useCallback(
    ({ accessToken, refreshToken, user }: LoginResponse): MeResponse => {
      // Drop anything cached for a previous user before the new session starts.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
      authStore.setToken(accessToken, refreshToken);
      return user;
    },
    [queryClient],
  );

  const login = useCallback(
    async (credentials: LoginRequest): Promise<MeResponse> =>
      adoptSession(await loginRequest(credentials)),
    [adoptSession],
  );

  const logout = useCallback(() => {
    const refreshToken = authStore.getRefreshToken();
    // Ends the session on the server too (a stolen refresh token stops working).
    if (refreshToken) void logoutRequest(refreshToken);
    authStore.clearToken();
    queryClient.clear();
  }, [queryClient]);

  return { token, isAuthenticated: token !== null, login, adoptSession, logout };
}
