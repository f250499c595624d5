import type { DxRole, Role } from './roles';

/** The claims of an access token (a JWT signed by the API; tools such as the bench mint them). */
export interface AccessTokenPayload {
  sub: string;
  username: string;
  orgUnitId: string;
  roles: Role[];
  /**
   * The sign-in (refresh-token family) the token belongs to: signing out ends it, and with
   * it this access token. Tokens without one (minted by tools) answer to deactivation only.
   */
  sid?: string;
}

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
