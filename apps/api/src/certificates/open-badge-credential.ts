import { canonicalJson } from '@dx/certificate-pdf';
import type { CertificateEntity } from '@dx/db';
import { KeyObject, sign } from 'node:crypto';

export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

export interface CredentialInput {
  cert: Pick<
    CertificateEntity,
    'kind' | 'serial' | 'issuedAt' | 'courseVersionId' | 'curriculumId' | 'snapshot'
  >;
  revoked: boolean;
  publicBaseUrl: string;
}

export type OpenBadgeCredential = Record<string, unknown> & { proof?: Record<string, unknown> };

const CRITERIA = {
  course: 'Hoàn thành tất cả bài học của khóa bồi dưỡng và đạt bài kiểm tra cuối khóa (nếu có).',
  program: 'Hoàn thành tất cả các khóa bồi dưỡng của chương trình.',
} as const;

/**
 * The certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential). It
 * carries what the public verify page shows, nothing more personal (no date of birth).
 */
export function buildOpenBadgeCredential({
  cert,
  revoked,
  publicBaseUrl: base,
}: CredentialInput): OpenBadgeCredential {
  const s = cert.snapshot;
  const serial = cert.serial as string;
  const issuer = { id: base, type: 'Profile', name: s.issuerName };
  return {
    '@context': CREDENTIAL_CONTEXTS,
    id: `${base}/api/public/certificates/${serial}/credential`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${s.title} (${serial})`,
    issuer,
    validFrom: (cert.issuedAt as Date).toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      name: s.holderName,
      achievement: {
        id: `urn:uuid:${cert.courseVersionId ?? cert.curriculumId}`,
        type: ['Achievement'],
        achievementType: cert.kind === 'course' ? 'Course' : 'Certificate',
        name: s.title,
        description: `${s.hours} giờ bồi dưỡng, do ${s.issuerName} tổ chức.`,
        criteria: { narrative: CRITERIA[cert.kind] },
        creator: issuer,
        inLanguage: 'vi',
      },
    },
    credentialStatus: {
      id: `${base}/api/public/certificates/${serial}`,
      type: 'DxAcademyCertificateStatus',
      statusPurpose: 'revocation',
      revoked,
    },
  };
}

/**
 * Adds a Data Integrity proof: an Ed25519 signature (base64url) over the canonical JSON
 * (sorted keys, JCS subset) of the credential without its proof, so anyone holding the
 * published JWK can check it offline.
 */
export function withProof(
  credential: OpenBadgeCredential,
  key: { privateKey: KeyObject; kid: string; publicBaseUrl: string; created: Date },
): OpenBadgeCredential {
  const { proof: _ignored, ...unsigned } = credential;
  const proofValue = sign(null, Buffer.from(canonicalJson(unsigned)), key.privateKey).toString(
    'base64url',
  );
  return {
    ...unsigned,
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      created: `${key.created.toISOString().slice(0, 19)}Z`,
      verificationMethod: `${key.publicBaseUrl}/api/public/keys#${key.kid}`,
      proofPurpose: 'assertionMethod',
      proofValue,
    },
  };
}
