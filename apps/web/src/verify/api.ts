import { api } from '../api/client';
import type { PublicCertificate } from '../api/types';

export function fetchPublicCertificate(
  serial: string,
  signal?: AbortSignal,
): Promise<PublicCertificate> {
  return api.get<PublicCertificate>(`/public/certificates/${encodeURIComponent(serial)}`, {
    anonymous: true,
    signal,
  });
}
