import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MfaChallengeResponse, SignInResponse } from '@dx/contracts';
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

  /** The session, or the second step the server asks for (no session starts yet). */
  const login = useCallback(
    async (credentials: LoginRequest): Promise<MeResponse | MfaChallengeResponse> => {
      const answer = await loginRequest(credentials);
      return isMfaChallenge(answer) ? answer : adoptSession(answer);
    },
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

/** A sign-in answered with a second step instead of a session. */
export function isMfaChallenge(
  answer: SignInResponse | MeResponse,
): answer is MfaChallengeResponse {
  return 'mfaToken' in answer;
}
