import { normalizeActivationCode } from '@dx/db';
import { authenticator } from 'otplib';
import { createHash, randomBytes } from 'node:crypto';

/** RFC 6238 defaults (SHA-1, 6 digits, 30 s) that every authenticator app reads. */
const STEP_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed at the turn of a step. */
const totp = authenticator.clone({ step: STEP_SECONDS, window: 1 });

export const MFA_ISSUER = 'DX Academy';

/** A new shared secret: 160 bits, the size RFC 4226 recommends for HMAC-SHA-1. */
export function newTotpSecret(): string {
  return totp.generateSecret(20);
}

export function otpauthUrl(username: string, secret: string): string {
  return totp.keyuri(username, MFA_ISSUER, secret);
}

/** The current code of `secret` (tests and tools play the phone with it). */
export function totpCode(secret: string, at = Date.now()): string {
  return authenticator.clone({ step: STEP_SECONDS, epoch: at }).generate(secret);
}

/**
 * The time step `code` belongs to when it is valid for `secret` now, else null. Callers
 * accept a step only once (and none older), so a code cannot be used twice.
 */
export function totpStep(secret: string, code: string): number | null {
  const trimmed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(trimmed)) return null;
  const delta = totp.checkDelta(trimmed, secret);
  if (delta === null) return null;
  return Math.floor(Date.now() / 1000 / STEP_SECONDS) + delta;
}

/** Crockford's base32, as activation codes: read off paper without mixing 0/O or 1/I/L. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes "XXXXX-XXXXX" of 50 random bits each: throttled guessing never gets near. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** SHA-256 of the normalised code: 50 random bits need no slow hash behind a throttle. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`dx-mfa-recovery:${normalizeActivationCode(code)}`)
    .digest('hex');
}

/** A TOTP code is six digits; anything else typed is tried as a recovery code. */
export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}
