import { UserEntity } from '@dx/db';
import { EntityManager, Not } from 'typeorm';
import { invalidField } from '../http/invalid-input';

/**
 * Refuses a national ID number another person already holds (400 on `nationalId`), so
 * the unique index is only the last guard against two requests at once (409).
 */
export async function assertNationalIdFree(
  tx: EntityManager,
  nationalId: string | null | undefined,
  userId?: string,
): Promise<void> {
  if (!nationalId) return;
  const taken = await tx.existsBy(UserEntity, {
    nationalId,
    ...(userId && { id: Not(userId) }),
  });
  if (taken) throw invalidField('nationalId', 'already used by another person', 'already_used');
}

/** How an audit entry names a national ID number: its last three digits only. */
export function maskNationalId(value: string | null): string | null {
  return value && `*********${value.slice(-3)}`;
}
