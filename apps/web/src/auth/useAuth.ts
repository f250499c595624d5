import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeResponse } from '../api/types';
import { login as loginRequest, meQueryKey } from './api';
import { authStore } from './auth-store';

export function useAccessToken(): string | null {
  return useSyncExternalStore(authStore.subscribe, authStore.getToken, () => null);
}

export function useAuth() {
  const token = useAccessToken();
  const queryClient = useQueryClient();

  const login = useCallback(
    async (credentials: LoginRequest): Promise<MeResponse> => {
      const { accessToken, user } = await loginRequest(credentials);
      // Drop anything cached for a previous user before the new session starts.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
      authStore.setToken(accessToken);
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(() => {
    authStore.clearToken();
    queryClient.clear();
  }, [queryClient]);

  return { token, isAuthenticated: token !== null, login, logout };
}
