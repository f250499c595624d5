import type {
  CertificateDetails,
  CertificateEventView,
  CertificateExportStatus,
  CertificateIssuerSettings,
  CertificateKind,
  CertificateListItem,
  CertificateStatus,
  MyCertificate,
  PublicCertificateStatus,
  CertificateInvalidReason,
  PublicSigningKey,
  RevocationReason,
  VerifiedPublicCertificate,
  JobAccepted,
} from '@dx/contracts';
import { REVOCATION_REASONS } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response shapes for the OpenAPI document only; the services return the contract types.

export class MyCertificateDto implements MyCertificate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['course', 'program'] }) kind: CertificateKind;
  @ApiProperty({ type: String, nullable: true, example: 'CDS-2026-000123' }) serial: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseId: string | null;
  @ApiProperty({ description: 'Title as printed on the certificate' }) courseTitle: string;
  @ApiProperty({ enum: ['pending', 'issued', 'revoked'] }) status: CertificateStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Public verify page; null while pending',
  })
  verifyUrl: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null until the PDF is stored' })
  pdfUrl: string | null;
}

/** `GET /api/me/certificates`: also says which year and enrolment each one belongs to. */
export class OwnCertificateDto extends MyCertificateDto implements MyCertificate {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2026,
    description: 'Training year of the completion (TZ_REPORTS)',
  })
  year: number | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The enrolment a course certificate completes (null for a programme)',
  })
  enrollmentId: string | null;
}

export class CertificateListItemDto extends MyCertificateDto implements CertificateListItem {
  @ApiProperty() holderName: string;
  @ApiProperty() issuerName: string;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
}

export class CertificateEventDto implements CertificateEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'reissued', description: 'requested | issued | reissued | revoked' })
  type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: Object, nullable: true }) data: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CertificateDetailsDto extends CertificateListItemDto implements CertificateDetails {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) holderId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty() hours: number;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '"Số vào sổ"' }) registerNumber:
    number | null;
  @ApiProperty({ format: 'uuid' }) issuerOrgUnitId: string;
  @ApiProperty() issuerCode: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ enum: REVOCATION_REASONS, nullable: true }) revokedReason: RevocationReason | null;
  @ApiProperty({ type: String, nullable: true }) revokedNote: string | null;
  @ApiProperty() canRevoke: boolean;
  @ApiProperty() canReissue: boolean;
  @ApiProperty({ type: [CertificateEventDto] }) events: CertificateEventDto[];
}

export class PublicCertificateDto implements VerifiedPublicCertificate {
  @ApiProperty({ example: 'CDS-2026-000123' }) serial: string;
  @ApiProperty() holderName: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() hours: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ description: 'Name of the issuing unit' }) issuer: string;
  @ApiProperty({
    enum: ['valid', 'revoked', 'invalid'],
    description:
      'valid: issued and intact; revoked: withdrawn by the issuer; invalid: the stored data no longer ' +
      'matches the Ed25519 signature made at issue (altered) — do not trust the other fields.',
  })
  status: PublicCertificateStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Key of GET /api/public/keys that signed it',
  })
  kid: string | null;
  @ApiProperty({ description: 'False when holderName is masked (no valid ?c= code)' })
  holderNameShown: boolean;
  @ApiProperty({
    required: false,
    enum: ['signature_mismatch', 'unknown_key', 'key_compromised'],
    description: 'With status invalid: which check failed',
  })
  invalidReason?: CertificateInvalidReason;
}

export class PublicSigningKeyDto implements PublicSigningKey {
  @ApiProperty({ example: 'k-3xM0v…' }) kid: string;
  @ApiProperty({ example: 'z6Mk…', description: 'Multikey (Ed25519)' }) publicKeyMultibase: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { kty: 'OKP', crv: 'Ed25519', x: '…' },
  })
  jwk: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null: signs now',
  })
  validTo: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Compromised: certificates it signed from then on are invalid',
  })
  revokedAt: string | null;
}

export class CertificateExportAcceptedDto implements JobAccepted {
  @ApiProperty({ example: 'certificate-export-0b7f8a44-3f1e-4c1a-9d55-1f0d2f7e9a10' })
  jobId: string;
}

export class CertificateExportStatusDto implements CertificateExportStatus {
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed'] })
  state: CertificateExportStatus['state'];
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({
    description:
      'Once completed: the file (an API path to fetch with your bearer token, or a short-lived storage URL)',
  })
  downloadUrl?: string;
  @ApiPropertyOptional({ description: 'Certificates in the file, once completed' })
  count?: number;
  @ApiPropertyOptional() error?: string;
}

export class CertificateIssuerSettingsDto implements CertificateIssuerSettings {
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty({ type: String, nullable: true }) parentBodyName: string | null;
  @ApiProperty() signerTitle: string;
  @ApiProperty() signerName: string;
  @ApiProperty() place: string;
  @ApiProperty() hasSealImage: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: defaults' })
  updatedAt: string | null;
}
