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

/**
 * `POST /api/auth/login` (and `/api/auth/activate`) when a second factor is due, instead of
 * tokens: `verify` = send a TOTP or recovery code to `POST /api/auth/mfa/verify`; `setup` =
 * the person's role needs a second factor they have not enrolled yet: enrol through
 * `POST /api/auth/mfa/setup` then `POST /api/auth/mfa/enable`. `mfaToken` proves the password
 * (5 minutes) and opens nothing else.
 */
export interface MfaChallengeResponse {
  mfa: 'verify' | 'setup';
  mfaToken: string;
}

/** What a sign-in step answers: tokens, or the second step it still needs. */
export type SignInResponse = LoginResponse | MfaChallengeResponse;

export function isMfaChallenge(res: SignInResponse): res is MfaChallengeResponse {
  return 'mfaToken' in res;
}

/** A new TOTP secret to enrol (shown once; confirmed by a code from it). */
export interface MfaSetupResponse {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  /** `otpauth://totp/…` (Key URI Format), what the QR code holds. */
  otpauthUrl: string;
  /** The QR code as an SVG data URL. */
  qrCode: string;
}

/** Recovery codes: shown once, each works once in place of a TOTP code. */
export interface MfaRecoveryCodesResponse {
  recoveryCodes: string[];
}

/** `POST /api/auth/mfa/enable` (sign-in that had to enrol first): tokens and recovery codes. */
export type MfaEnableSignInResponse = LoginResponse & MfaRecoveryCodesResponse;

/** `GET /api/me/mfa`. */
export interface MfaStatusResponse {
  enabled: boolean;
  /** The person's role requires a second factor (it cannot be switched off). */
  required: boolean;
  recoveryCodesLeft: number;
}

/** `POST /api/auth/login`. */
export interface LoginRequest {
  username: string;
  password: string;
}

/** `POST /api/auth/refresh` and `POST /api/auth/logout`. */
export interface RefreshTokenRequest {
  refreshToken: string;
}

/** `POST /api/auth/activate`: the printed or mailed activation code and a first password. */
export interface ActivateRequest {
  username: string;
  /** As printed; case and dashes do not matter. */
  code: string;
  newPassword: string;
}

/** `POST /api/auth/password-reset`: a reset link is mailed when the person has an address. */
export interface PasswordResetRequest {
  username: string;
}

/** `POST /api/auth/password-reset/confirm`. */
export interface PasswordResetConfirmRequest {
  token: string;
  newPassword: string;
}

/** `POST /api/me/password`. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** A TOTP code from the authenticator app, or a recovery code. */
export interface MfaCodeRequest {
  code: string;
}

/** The `mfaToken` of a `MfaChallengeResponse`. */
export interface MfaTokenRequest {
  mfaToken: string;
}

/** `POST /api/auth/mfa/verify` (and enrolment during sign-in). */
export interface MfaTokenCodeRequest extends MfaTokenRequest, MfaCodeRequest {}

/** `POST /api/auth/oidc/exchange`: the one-time code the sign-on callback put in the link. */
export interface OidcExchangeRequest {
  code: string;
}
