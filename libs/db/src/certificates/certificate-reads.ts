import { EntityManager, In } from 'typeorm';
import { CertificateEntity } from './certificate.entity';

// The certificate reads the apps make through TypeORM, named here so that the national
// bench (tools/bench hot queries) replays the very call the API and the worker make.

/**
 * A person's own certificates, newest first. One condition per kind, so each arm is served
 * by that kind's partial unique index (user_id, …) instead of a scan of every certificate.
 */
export function findOwnCertificates(
  m: EntityManager,
  userId: string,
): Promise<CertificateEntity[]> {
  return m.getRepository(CertificateEntity).find({
    where: [
      { userId, kind: 'course' },
      { userId, kind: 'program' },
    ],
    order: { completedAt: 'DESC', id: 'DESC' },
  });
}

/** The certificate public verification answers for: issued or revoked, by its serial. */
export function findVerifiableCertificate(
  m: EntityManager,
  serial: string,
): Promise<CertificateEntity | null> {
  return m
    .getRepository(CertificateEntity)
    .findOneBy({ serial, status: In(['issued', 'revoked']) });
}

/** One certificate by id; `lock` takes it for update inside the caller's transaction. */
export function findCertificateById(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<CertificateEntity | null> {
  return m.findOne(CertificateEntity, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** The certificate locked for issuing (serial allocation), inside the caller's transaction. */
export function lockCertificateForIssue(
  tx: EntityManager,
  id: string,
): Promise<CertificateEntity | null> {
  return findCertificateById(tx, id, true);
}
