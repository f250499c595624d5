import type { MyCertificate } from '@dx/contracts';
import { apiBlob, api, itemsOf, toApiPath } from '../api/client';

export const certificateKeys = {
  mine: ['me', 'certificates'] as const,
};

export async function fetchMyCertificates(signal?: AbortSignal): Promise<MyCertificate[]> {
  return itemsOf(
    await api.get<MyCertificate[] | { items: MyCertificate[] }>('/me/certificates', { signal }),
  );
}

/** The PDF needs the bearer token, so it is fetched as a blob rather than linked. */
export function fetchCertificatePdf(certificate: MyCertificate): Promise<Blob> {
  const url = certificate.pdfUrl ?? `/api/certificates/${encodeURIComponent(certificate.id)}/pdf`;
  return apiBlob(toApiPath(url));
}

export function pdfFileName(certificate: MyCertificate): string {
  return `chung-nhan-${(certificate.serial ?? certificate.id).replace(/[^\w.-]+/g, '-')}.pdf`;
}
