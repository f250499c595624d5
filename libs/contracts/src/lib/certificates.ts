export type CertificateStatus = 'pending' | 'issued' | 'revoked';
export type CertificateKind = 'course' | 'program';

/** Revocation grounds of Circular 03/2023/TT-BNV. */
export const REVOCATION_REASONS = ['fraud', 'not_eligible', 'altered', 'lent', 'issuer_error'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export interface MyCertificate {
  id: string;
  kind: CertificateKind;
  serial: string | null;
  courseId: string | null;
  courseTitle: string;
  status: CertificateStatus;
  issuedAt: string | null;
  verifyUrl: string | null;
  pdfUrl: string | null;
}

/** `GET /api/public/certificates/:serial`: nothing more personal than the holder's name. */
export interface PublicCertificate {
  serial: string;
  holderName: string;
  courseTitle: string;
  hours: number;
  issuedAt: string;
  issuer: string;
  status: 'valid' | 'revoked';
}
