import type {
  CertificateDetails,
  CertificateExportRequest,
  CertificateExportStatus,
  CertificateIssuerSettings,
  CertificateRegisterPage,
  CertificateStatus,
  JobAccepted,
  MyCertificate,
  ReissueCertificateRequest,
  RevokeCertificateRequest,
  UpdateCertificateIssuerRequest,
} from '@dx/contracts';
import { api, type ApiFile, itemsOf, toApiPath } from '../api/client';

export const MANAGE_PAGE_SIZE = 20;

export interface CertificateFilters {
  status: CertificateStatus | null;
  q: string;
  orgUnitId: string | null;
  page: number;
}

export const certificateKeys = {
  mine: ['me', 'certificates'] as const,
  /** Everything about certificates in the caller's scope (lists and details). */
  scope: ['certificates'] as const,
  list: (filters: CertificateFilters) => ['certificates', 'list', filters] as const,
  detail: (id: string) => ['certificates', 'detail', id] as const,
  exportJob: (jobId: string) => ['certificates', 'exports', jobId] as const,
};

export async function fetchMyCertificates(signal?: AbortSignal): Promise<MyCertificate[]> {
  return itemsOf(
    await api.get<MyCertificate[] | { items: MyCertificate[] }>('/me/certificates', { signal }),
  );
}

/** The PDF needs the bearer token, so it is fetched as a blob rather than linked. */
export function fetchCertificatePdf(certificate: MyCertificate): Promise<Blob> {
  if (certificate.pdfUrl) return api.blobAt(certificate.pdfUrl);
  return api.blob('/certificates/{id}/pdf', { path: { id: certificate.id } });
}

export function pdfFileName(certificate: MyCertificate): string {
  return `chung-nhan-${(certificate.serial ?? certificate.id).replace(/[^\w.-]+/g, '-')}.pdf`;
}

/** `GET /api/certificates`: trainer, hr and sysadmin, within their scope. */
export function fetchCertificates(
  filters: CertificateFilters,
  signal?: AbortSignal,
): Promise<CertificateRegisterPage> {
  const params = new URLSearchParams({
    page: String(filters.page),
    pageSize: String(MANAGE_PAGE_SIZE),
  });
  if (filters.status) params.set('status', filters.status);
  if (filters.q) params.set('q', filters.q);
  if (filters.orgUnitId) params.set('orgUnitId', filters.orgUnitId);
  return api.get<CertificateRegisterPage>('/certificates', { query: params, signal });
}

export function fetchCertificate(id: string, signal?: AbortSignal): Promise<CertificateDetails> {
  return api.get<CertificateDetails>('/certificates/{id}', { path: { id }, signal });
}

export function revokeCertificate(
  id: string,
  body: RevokeCertificateRequest,
): Promise<CertificateDetails> {
  return api.post<CertificateDetails>('/certificates/{id}/revoke', body, { path: { id } });
}

export function reissueCertificate(
  id: string,
  body: ReissueCertificateRequest,
): Promise<CertificateDetails> {
  return api.post<CertificateDetails>('/certificates/{id}/reissue', body, { path: { id } });
}

/** `POST /api/certificates/exports`: the worker makes the ZIP or the register. */
export function requestCertificateExport(body: CertificateExportRequest): Promise<JobAccepted> {
  return api.post<JobAccepted>('/certificates/exports', body);
}

export function fetchCertificateExport(
  jobId: string,
  signal?: AbortSignal,
): Promise<CertificateExportStatus> {
  return api.get<CertificateExportStatus>('/certificates/exports/{jobId}', {
    path: { jobId },
    signal,
  });
}

/**
 * The finished file: an API path is fetched with the token; a storage URL of another
 * origin (signed, short-lived) is null here and opened directly by the caller.
 */
export async function downloadCertificateExport(downloadUrl: string): Promise<ApiFile | null> {
  const path = toApiPath(downloadUrl);
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  return api.fileAt(downloadUrl);
}

export const issuerKeys = {
  settings: (orgUnitId: string) => ['certificates', 'issuers', orgUnitId] as const,
};

/** `GET /api/certificates/issuers/:orgUnitId` (sysadmin). */
export function fetchIssuerSettings(
  orgUnitId: string,
  signal?: AbortSignal,
): Promise<CertificateIssuerSettings> {
  return api.get<CertificateIssuerSettings>('/certificates/issuers/{orgUnitId}', {
    path: { orgUnitId },
    signal,
  });
}

export function saveIssuerSettings(
  orgUnitId: string,
  body: UpdateCertificateIssuerRequest,
): Promise<CertificateIssuerSettings> {
  return api.put<CertificateIssuerSettings>('/certificates/issuers/{orgUnitId}', body, {
    path: { orgUnitId },
  });
}

export function uploadSealImage(orgUnitId: string, file: File): Promise<CertificateIssuerSettings> {
  const form = new FormData();
  form.append('file', file);
  return api.put<CertificateIssuerSettings>('/certificates/issuers/{orgUnitId}/seal', form, {
    path: { orgUnitId },
  });
}

export function deleteSealImage(orgUnitId: string): Promise<void> {
  return api.delete('/certificates/issuers/{orgUnitId}/seal', { path: { orgUnitId } });
}
