import type { CappedPaginated, PageQuery } from './http';

export type CertificateStatus = 'pending' | 'issued' | 'revoked';
export type CertificateKind = 'course' | 'program';

/** Revocation grounds of Circular 03/2023/TT-BNV. */
export const REVOCATION_REASONS = [
  'fraud',
  'not_eligible',
  'altered',
  'lent',
  'issuer_error',
] as const;
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
  /**
   * Only in `GET /api/me/certificates` (the learner's history by year): the training year
   * of the completion, and the enrolment a course certificate completes.
   */
  year?: number | null;
  enrollmentId?: string | null;
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

/**
 * Public verification verdict. `invalid` extends the contract's `valid | revoked`: the
 * stored data no longer matches its signature (altered in the database).
 */
export type PublicCertificateStatus = 'valid' | 'revoked' | 'invalid';

/** `GET /api/public/certificates/:serial` with the tamper-evident verdict. */
export interface VerifiedPublicCertificate extends Omit<PublicCertificate, 'status'> {
  status: PublicCertificateStatus;
  /** The key ring's key that signed it (null: signed before the key ring). */
  kid: string | null;
  /** False: `holderName` is masked ("N*** T*** H***"), the `?c=` code was missing or wrong. */
  holderNameShown: boolean;
  /** With `invalid`: which check failed. */
  invalidReason?: CertificateInvalidReason;
}

/**
 * Why a certificate is `invalid`: its data no longer matches the signature, it names a key
 * the platform does not have, or its key was compromised before it was signed.
 */
export type CertificateInvalidReason = 'signature_mismatch' | 'unknown_key' | 'key_compromised';

/** Why a certificate is issued again under the same serial. */
export const REISSUE_REASONS = ['lost', 'name_correction'] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];

export const REVOCATION_NOTE_MAX_LENGTH = 1000;

/** `POST /api/certificates/:id/revoke`. */
export interface RevokeCertificateRequest {
  reason: RevocationReason;
  note?: string;
}

/** `POST /api/certificates/:id/reissue`; `holderName` is required for a name correction. */
export interface ReissueCertificateRequest {
  reason: ReissueReason;
  holderName?: string;
  note?: string;
}

/** `GET /api/certificates` items (trainer, hr, sysadmin in scope). */
export interface CertificateListItem extends MyCertificate {
  holderName: string;
  issuerName: string;
  completedAt: string;
}

/** A page of the register (`GET /api/certificates`): counted up to a cap. */
export type CertificateRegisterPage = CappedPaginated<CertificateListItem>;

export type CertificateEventType = 'requested' | 'issued' | 'reissued' | 'revoked';

export interface CertificateEventView {
  id: string;
  type: CertificateEventType | string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

/** `GET /api/certificates/:id`: the certificate as issued, its state and its history. */
export interface CertificateDetails extends CertificateListItem {
  holderId: string | null;
  dateOfBirth: string | null;
  hours: number;
  completedOn: string;
  issuedOn: string | null;
  registerNumber: number | null;
  issuerOrgUnitId: string;
  issuerCode: string;
  revokedAt: string | null;
  revokedReason: RevocationReason | null;
  revokedNote: string | null;
  /** What the caller may do with it now. */
  canRevoke: boolean;
  canReissue: boolean;
  events: CertificateEventView[];
}

/** One entry of `GET /api/public/keys`: a key of the ring, ever used to sign. */
export interface PublicSigningKey {
  kid: string;
  publicKeyMultibase: string;
  /** The same public key as a JWK (`{kty:"OKP", crv:"Ed25519", x}`). */
  jwk: Record<string, string>;
  validFrom: string;
  validTo: string | null;
  /** Certificates it signed from this time on are invalid (key compromised). */
  revokedAt: string | null;
}

/** `GET /api/public/keys`: every signing key ever used, oldest first. */
export type PublicKeySet = PublicSigningKey[];

/** `POST /api/certificates/keys/:kid/compromised` (sysadmin). */
export interface MarkKeyCompromisedRequest {
  /** ISO date-time: what the key signed from then on is invalid. */
  from: string;
  note?: string;
}

/**
 * A serial as people type or paste it ("cds-2026-000123 ", "CDS 2026 000123" from a
 * printout) in the one form certificates carry: upper case, parts joined by "-".
 */
export function normalizeSerial(input: string): string {
  return input
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015]*[-\u2010-\u2015\s][\s\u2010-\u2015]*/g, '-');
}

/**
 * What `POST /api/certificates/exports` makes: `zip`, every PDF the unit's subtree issued
 * in the year; `xlsx` and `pdf`, the register (sổ cấp) of those certificates.
 */
export const CERTIFICATE_EXPORT_FORMATS = ['zip', 'xlsx', 'pdf'] as const;
export type CertificateExportFormat = (typeof CERTIFICATE_EXPORT_FORMATS)[number];

/** `POST /api/certificates/exports` (trainer/hr in scope, sysadmin) → `202 {jobId}`. */
export interface CertificateExportRequest {
  orgUnitId: string;
  year: number;
  format: CertificateExportFormat;
}

/** `GET /api/certificates/exports/:jobId`. */
export interface CertificateExportStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  /** 0–100. */
  progress: number;
  /** Once completed: where the file is downloaded (with the caller's bearer token). */
  downloadUrl?: string;
  /** Certificates in the file, once completed. */
  count?: number;
  error?: string;
}

/** Payload of `JobName.ExportCertificates`; job id `certificate-export-<exportId>`. */
export interface CertificateExportJobData {
  exportId: string;
}

/**
 * The id of a `JobName.IssueCertificate` job, built here only. The first issue is
 * `certificate-<id>` (a repeated request queues nothing twice). Re-issuing or re-rendering an
 * issued certificate needs a fresh id, since BullMQ ignores an id it still remembers:
 * `certificate-<id>-reissue-<n>` (the n-th re-issue) or `certificate-<id>-render-<ms>`.
 */
export function certificateJobId(
  certificateId: string,
  again?: { reissue: number } | { renderAt: number },
): string {
  if (!again) return `certificate-${certificateId}`;
  return 'reissue' in again
    ? `certificate-${certificateId}-reissue-${again.reissue}`
    : `certificate-${certificateId}-render-${again.renderAt}`;
}

export function certificateExportJobId(exportId: string): string {
  return `certificate-export-${exportId}`;
}

/** `GET /api/certificates/issuers/:orgUnitId` (sysadmin): how a unit signs its certificates. */
export interface CertificateIssuerSettings {
  orgUnitId: string;
  /** The issuing body as printed (Decree 30/2020 agency block). */
  bodyName: string;
  /** The body above it, printed over it; null: none. */
  parentBodyName: string | null;
  signerTitle: string;
  signerName: string;
  /** Place of the date line ("Hà Nội, ngày … tháng … năm …"). */
  place: string;
  /** Whether a seal / signature image is stored (PNG or JPEG). */
  hasSealImage: boolean;
  /** Null: never set, the values shown are the defaults. */
  updatedAt: string | null;
}

/** `PUT /api/certificates/issuers/:orgUnitId` (sysadmin). */
export interface UpdateCertificateIssuerRequest {
  bodyName: string;
  parentBodyName?: string | null;
  signerTitle: string;
  signerName: string;
  place: string;
}

/** `PUT /api/certificates/issuers/:orgUnitId/seal`: multipart field `file`, PNG or JPEG. */
export const SEAL_IMAGE_MAX_BYTES = 1024 * 1024;

/** The job scheduler's id in Redis for the re-queue of certificates left pending. */
export const REQUEUE_PENDING_CERTIFICATES_SCHEDULER_ID = 'requeue-pending-certificates';

export interface RequeuePendingCertificatesJobData {
  /** Only certificates pending for longer than this; default 10 minutes. */
  olderThanMinutes?: number;
}

export interface RequeuePendingCertificatesResult {
  /** Pending certificates whose issue job was added again (a no-op where it still existed). */
  requeued: number;
}

/** `GET /api/certificates`: the register of the caller's scope. */
export interface CertificateListQuery extends PageQuery {
  status?: CertificateStatus;
  /** Part of the serial, holder name or course title. */
  q?: string;
  orgUnitId?: string;
}

/** `?c=` of the public verification: the code printed in the QR code and verify link. */
export interface PublicCertificateQuery {
  c?: string;
}
