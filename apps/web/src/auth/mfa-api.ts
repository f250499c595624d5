import type {
  LoginResponse,
  MfaEnableSignInResponse,
  MfaRecoveryCodesResponse,
  MfaCodeRequest,
  MfaSetupResponse,
  MfaStatusResponse,
  MfaTokenCodeRequest,
  MfaTokenRequest,
} from '@dx/contracts';
import { api } from '../api/client';

// The sign-in steps are anonymous: a 401 there means the mfaToken expired, not a session.

export function verifyMfa(mfaToken: string, code: string): Promise<LoginResponse> {
  return api.post<LoginResponse>(
    '/auth/mfa/verify',
    { mfaToken, code } satisfies MfaTokenCodeRequest,
    { anonymous: true },
  );
}

export function setupMfaAtSignIn(mfaToken: string): Promise<MfaSetupResponse> {
  return api.post<MfaSetupResponse>('/auth/mfa/setup', { mfaToken } satisfies MfaTokenRequest, {
    anonymous: true,
  });
}

export function enableMfaAtSignIn(
  mfaToken: string,
  code: string,
): Promise<MfaEnableSignInResponse> {
  return api.post<MfaEnableSignInResponse>(
    '/auth/mfa/enable',
    { mfaToken, code } satisfies MfaTokenCodeRequest,
    { anonymous: true },
  );
}

export const myMfaQueryKey = ['me', 'mfa'] as const;

export function fetchMyMfa(signal?: AbortSignal): Promise<MfaStatusResponse> {
  return api.get<MfaStatusResponse>('/me/mfa', { signal });
}

export function setupMyMfa(): Promise<MfaSetupResponse> {
  return api.post<MfaSetupResponse>('/me/mfa/setup', {});
}

export function enableMyMfa(code: string): Promise<MfaRecoveryCodesResponse> {
  return api.post<MfaRecoveryCodesResponse>('/me/mfa/enable', { code } satisfies MfaCodeRequest);
}

export function renewRecoveryCodes(code: string): Promise<MfaRecoveryCodesResponse> {
  return api.post<MfaRecoveryCodesResponse>('/me/mfa/recovery-codes', {
    code,
  } satisfies MfaCodeRequest);
}

export function disableMyMfa(code: string): Promise<void> {
  return api.post<void>('/me/mfa/disable', { code } satisfies MfaCodeRequest);
}

/** Sysadmin: removes someone's second factor (a lost phone). */
export function resetUserMfa(userId: string): Promise<void> {
  return api.delete<void>('/users/{id}/mfa', { path: { id: userId } });
}
