import type { DxRole, Role } from './roles';

export interface MeResponse {
  id: string;
  username: string;
  fullName: string;
  orgUnitId: string;
  roles: Role[];
  dxRole: DxRole;
}

export interface LoginResponse {
  accessToken: string;
  /** Added in v1.1: renews the access token through `POST /api/auth/refresh`. */
  refreshToken: string;
  user: MeResponse;
}

/** A sign-in's tokens: a short-lived access token and the refresh token that renews it. */
export interface TokenPairResponse {
  accessToken: string;
  /** Opaque; send it once to `POST /api/auth/refresh`, then use the one that comes back. */
  refreshToken: string;
}

/** `POST /api/users/:id/activation`: the code is shown once, never stored in clear. */
export interface ActivationCodeResponse {
  code: string;
  expiresAt: string;
}
