import type { CertificateEntity } from '@dx/db';
import { createHash } from 'node:crypto';

export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

export interface CredentialInput {
  cert: Pick<
    CertificateEntity,
    'id' | 'kind' | 'serial' | 'issuedAt' | 'courseVersionId' | 'curriculumId' | 'snapshot' | 'statusListIndex'
  >;
  publicBaseUrl: string;
  /** The issuer's DID: the controller of the keys that sign credentials. */
  issuer: string;
  statusListUrl: string;
}

export type OpenBadgeCredential = Record<string, unknown> & { proof?: unknown };

const CRITERIA = {
  course: 'Hoàn thành tất cả bài học của khóa bồi dưỡng và đạt bài kiểm tra cuối khóa (nếu có).',
  program: 'Hoàn thành tất cả các khóa bồi dưỡng của chương trình.',
} as const;

/**
 * The certificate as an Open Badges 3.0 AchievementCredential (a W3C VC 2.0). It carries
 * what the public verify page shows, nothing more personal (no date of birth). The holder
 * is named, and identified by a salted hash of that name (OB 3.0 requires `identifier`
 * when the subject has no `id`): a holder proves it is theirs by showing the name.
 * Revocation is told by a Bitstring Status List entry, readable by any verifier.
 */
export function buildOpenBadgeCredential({
  cert,
  publicBaseUrl: base,
  issuer,
  statusListUrl,
}: CredentialInput): OpenBadgeCredential {
  const s = cert.snapshot;
  const serial = cert.serial as string;
  const profile = { id: issuer, type: ['Profile'], name: s.issuerName, url: base };
  const salt = cert.id;
  const credential: OpenBadgeCredential = {
    '@context': CREDENTIAL_CONTEXTS,
    id: `${base}/api/public/certificates/${serial}/credential`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${s.title} (${serial})`,
    issuer: profile,
    validFrom: `${(cert.issuedAt as Date).toISOString().slice(0, 19)}Z`,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: s.holderName,
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: true,
          identityHash: `sha256$${createHash('sha256').update(s.holderName.normalize('NFC') + salt).digest('hex')}`,
          salt,
        },
      ],
      achievement: {
        id: `urn:uuid:${cert.courseVersionId ?? cert.curriculumId}`,
        type: ['Achievement'],
        achievementType: cert.kind === 'course' ? 'Course' : 'Certificate',
        name: s.title,
        description: `${s.hours} giờ bồi dưỡng, do ${s.issuerName} tổ chức.`,
        criteria: { narrative: CRITERIA[cert.kind] },
        creator: profile,
        inLanguage: 'vi',
      },
    },
  };
  if (cert.statusListIndex !== null) {
    credential.credentialStatus = {
      id: `${statusListUrl}#${cert.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(cert.statusListIndex),
      statusListCredential: statusListUrl,
    };
  }
  return credential;
}
