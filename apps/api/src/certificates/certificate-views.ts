import type {
  CertificateDetails,
  CertificateEventView,
  CertificateListItem,
  MyCertificate,
  RevocationReason,
} from '@dx/contracts';
import type { CertificateEntity } from '@dx/db';
import type { CertificateRights } from './certificate-access.service';

/** The certificate fields every view starts from (an entity, or a raw row mapped to one). */
export type CertificateCore = Pick<
  CertificateEntity,
  'id' | 'kind' | 'serial' | 'courseId' | 'status' | 'issuedAt' | 'pdfKey' | 'snapshot' | 'verifyCode'
>;

// Six digits or more: a national year can pass a million certificates (CDS-2026-1000000).
export const SERIAL_PATTERN = /^CDS-\d{4}-\d{6,9}$/;

/** The printed link: with the certificate's code, the page shows the holder's full name. */
export function verifyUrl(publicBaseUrl: string, serial: string, code: string | null): string {
  const url = `${publicBaseUrl}/verify/${serial}`;
  return code ? `${url}?c=${code}` : url;
}

/**
 * "issued" only once the PDF can be downloaded: between the serial and the stored PDF
 * (and while a re-issued copy is rendered) the certificate still shows as pending.
 */
export function visibleStatus(c: Pick<CertificateEntity, 'status' | 'pdfKey'>): CertificateEntity['status'] {
  return c.status === 'issued' && !c.pdfKey ? 'pending' : c.status;
}

export function toMyCertificate(c: CertificateCore, publicBaseUrl: string): MyCertificate {
  // A revoked certificate keeps its verify link: the page is where a reader learns it.
  const issued = c.status !== 'pending' && c.serial !== null;
  return {
    id: c.id,
    kind: c.kind,
    serial: c.serial,
    courseId: c.courseId,
    courseTitle: c.snapshot.title,
    status: visibleStatus(c),
    issuedAt: c.issuedAt ? c.issuedAt.toISOString() : null,
    verifyUrl: issued && c.serial ? verifyUrl(publicBaseUrl, c.serial, c.verifyCode) : null,
    pdfUrl: c.pdfKey ? `/api/certificates/${c.id}/pdf` : null,
  };
}

export function toListItem(
  c: CertificateCore & Pick<CertificateEntity, 'completedAt'>,
  publicBaseUrl: string,
): CertificateListItem {
  return {
    ...toMyCertificate(c, publicBaseUrl),
    holderName: c.snapshot.holderName,
    issuerName: c.snapshot.issuerName,
    completedAt: c.completedAt.toISOString(),
  };
}

export function toDetails(
  c: CertificateEntity,
  rights: CertificateRights,
  events: CertificateEventView[],
  publicBaseUrl: string,
): CertificateDetails {
  const issued = c.status === 'issued';
  return {
    ...toListItem(c, publicBaseUrl),
    holderId: c.userId,
    dateOfBirth: c.snapshot.dateOfBirth,
    hours: c.snapshot.hours,
    completedOn: c.snapshot.completedOn,
    issuedOn: c.snapshot.issuedOn ?? null,
    registerNumber: c.registerNumber,
    issuerOrgUnitId: c.issuerOrgUnitId,
    issuerCode: c.snapshot.issuerCode,
    revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
    revokedReason: c.revokedReason as RevocationReason | null,
    revokedNote: c.revokedNote,
    canRevoke: rights.act && issued,
    canReissue: rights.act && issued,
    events,
  };
}
