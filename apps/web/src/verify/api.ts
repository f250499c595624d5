import { api } from '../api/client';
import type { PublicCertificate } from '../api/types';

/** `code`: the `?c=` of the QR code; without it the API masks the holder's name. */
export function fetchPublicCertificate(
  serial: string,
  code: string | null,
  signal?: AbortSignal,
): Promise<PublicCertificate> {
  const query = code ? `?c=${encodeURIComponent(code)}` : '';
  return api.get<PublicCertificate>(`/public/certificates/${encodeURIComponent(serial)}${query}`, {
    anonymous: true,
    signal,
  });
}
