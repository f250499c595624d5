import { api } from '../api/client';
import type { PublicCertificate } from '../api/types';

/** `code`: the `?c=` of the QR code; without it the API masks the holder's name. */
export function fetchPublicCertificate(
  serial: string,
  code: string | null,
  signal?: AbortSignal,
): Promise<PublicCertificate> {
  return api.get<PublicCertificate>('/public/certificates/{serial}', {
    path: { serial },
    query: { c: code },
    anonymous: true,
    signal,
  });
}
