import type { MfaChallengeResponse } from '@dx/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAccessToken } from './useAuth';

export interface LoginLocationState {
  from?: string;
  /** A sign-in elsewhere (activation) that still needs its second step. */
  mfa?: MfaChallengeResponse;
}

/** Route guard: without a token (never logged in, logged out, or a 401 cleared it) go to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAccessToken();
  const location = useLocation();
  if (!token) {
    const state: LoginLocationState = {
      from: `${location.pathname}${location.search}${location.hash}`,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
