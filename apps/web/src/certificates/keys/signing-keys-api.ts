import type { MarkKeyCompromisedRequest, PublicSigningKey } from '@dx/contracts';
import { api } from '../../api/client';

export const signingKeyKeys = {
  all: ['certificates', 'signing-keys'] as const,
};

/**
 * Every key that ever signed certificates (`GET /api/public/keys`), newest first. Asked of
 * the server each time: verifiers may cache the list 5 minutes, the sysadmin who has just
 * rotated a key must see it at once.
 */
export async function fetchSigningKeys(signal?: AbortSignal): Promise<PublicSigningKey[]> {
  const keys = await api.get<PublicSigningKey[]>('/public/keys', { signal, cache: 'no-cache' });
  return [...keys].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}

/** `POST /api/certificates/keys/rotate` (sysadmin): new certificates use a new key. */
export function rotateSigningKey(): Promise<PublicSigningKey> {
  return api.post<PublicSigningKey>('/certificates/keys/rotate');
}

/** `POST /api/certificates/keys/:kid/compromised` (sysadmin). */
export function markKeyCompromised(
  kid: string,
  body: MarkKeyCompromisedRequest,
): Promise<PublicSigningKey> {
  return api.post<PublicSigningKey>('/certificates/keys/{kid}/compromised', body, {
    path: { kid },
  });
}

export type SigningKeyStatus = 'active' | 'retired' | 'compromised';

/**
 * In use (signs new certificates), retired by a rotation (what it signed stays valid), or
 * compromised (what it signed from `revokedAt` on is invalid).
 */
export function signingKeyStatus(key: PublicSigningKey): SigningKeyStatus {
  if (key.revokedAt) return 'compromised';
  return key.validTo === null ? 'active' : 'retired';
}

/**
 * The moment a compromise starts when the sysadmin names a day: its first instant in
 * Vietnam (UTC+7, no daylight saving), as the API's ISO date-time.
 */
export function startOfVietnamDay(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

/** Today's date (YYYY-MM-DD) in Vietnam: a compromise is found out, never foreseen. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
