import type { PersonalDataExport } from '@dx/contracts';
import { CertificateEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';
import { toMyCertificate } from './certificate-views';

/*
 * The certificates feature's part of a person's data export and erasure (Law 91/2025):
 * the privacy feature composes every owner's part in one transaction.
 */

type Certificate = PersonalDataExport['certificates'][number];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The person's certificates, oldest completion first, with absolute links. */
export async function exportCertificates(
  tx: EntityManager,
  userId: string,
  publicBaseUrl: string,
): Promise<Certificate[]> {
  const certs = await tx.find(CertificateEntity, {
    where: { userId },
    order: { completedAt: 'ASC' },
  });
  return certs.map((c) => {
    const links = toMyCertificate(c, publicBaseUrl);
    return {
      id: c.id,
      kind: c.kind,
      serial: c.serial,
      status: c.status,
      title: c.snapshot.title,
      holderName: c.snapshot.holderName,
      dateOfBirth: c.snapshot.dateOfBirth,
      hours: c.snapshot.hours,
      issuer: c.snapshot.issuerName,
      completedAt: c.completedAt.toISOString(),
      issuedAt: iso(c.issuedAt),
      revokedAt: iso(c.revokedAt),
      verifyUrl: links.verifyUrl,
      // Absolute: the file is read away from the site.
      pdfUrl: links.pdfUrl ? `${publicBaseUrl}${links.pdfUrl}` : null,
    };
  });
}

/** What an erasure did to the person's certificates. */
export interface ErasedCertificates {
  /** Issued or revoked: public records, kept and detached from the account. */
  certificatesKept: number;
  /** Still pending: not a record yet, deleted (the queued job then finds nothing to issue). */
  pendingCertificatesRemoved: number;
}

/**
 * Before the account goes: pending certificates are deleted; the others stay and lose
 * their holder's account when it is deleted (user_id → NULL by the foreign key).
 */
export async function eraseCertificatesOf(
  tx: EntityManager,
  userId: string,
): Promise<ErasedCertificates> {
  const [{ kept }]: { kept: number }[] = await tx.query(
    `SELECT count(*)::int AS kept FROM certificate WHERE user_id = $1 AND status <> 'pending'`,
    [userId],
  );
  const [, removed]: [unknown, number] = await tx.query(
    `DELETE FROM certificate WHERE user_id = $1 AND status = 'pending'`,
    [userId],
  );
  return { certificatesKept: kept, pendingCertificatesRemoved: removed };
}
