import type { PersonalDataExport } from '@dx/contracts';
import { RefreshTokenEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/*
 * The auth feature's part of a person's data export (Law 91/2025): their sign-ins. The
 * privacy feature composes every owner's part in one transaction; sessions go with the
 * account on erasure (cascade).
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Each refresh token of the person, oldest first: when it was made, used, revoked. */
export async function exportSessions(
  tx: EntityManager,
  userId: string,
): Promise<PersonalDataExport['sessions']> {
  const rows = await tx.find(RefreshTokenEntity, {
    where: { userId },
    order: { createdAt: 'ASC' },
  });
  return rows.map((r) => ({
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    usedAt: iso(r.usedAt),
    revokedAt: iso(r.revokedAt),
  }));
}
