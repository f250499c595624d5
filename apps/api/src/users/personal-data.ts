import type { PersonalDataExport } from '@dx/contracts';
import { orgUnitJoin, UserEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/*
 * The users feature's part of a person's data export and erasure (Law 91/2025): the
 * privacy feature composes every owner's part in one transaction.
 */

type Export = PersonalDataExport;

/** The account with its unit today; null when there is no such person. */
export async function exportProfile(
  tx: EntityManager,
  userId: string,
): Promise<Export['profile'] | null> {
  const u = await tx.findOne(UserEntity, { where: { id: userId }, relations: { orgUnit: true } });
  if (!u?.orgUnit) return null;
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    dateOfBirth: u.dateOfBirth,
    nationalId: u.nationalId,
    jobTitle: u.jobTitle,
    dxRole: u.dxRole,
    roles: u.roles,
    orgUnit: { id: u.orgUnit.id, code: u.orgUnit.code, name: u.orgUnit.name },
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** Every unit the person belonged to, and when, oldest first. */
export function exportMemberships(
  tx: EntityManager,
  userId: string,
): Promise<Export['memberships']> {
  return tx.query(
    `SELECT m.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode", o.name AS "orgUnitName",
            m.dx_role AS "dxRole", m.valid_from::text AS "validFrom", m.valid_to::text AS "validTo"
       FROM membership m ${orgUnitJoin('o', 'm.org_unit_id')}
      WHERE m.user_id = $1 ORDER BY m.valid_from`,
    [userId],
  );
}

/** A person about to be erased, as the erasure checks them. */
export interface ErasedAccount {
  id: string;
  username: string;
  orgUnitId: string;
  roles: string[];
  /** Their unit's path, for the caller's scope. */
  path: string;
}

/**
 * The account, locked until the erasure commits: a course completing at this moment waits,
 * then fails on the foreign key. Undefined when there is no such person.
 */
export async function lockAccountForErasure(
  tx: EntityManager,
  userId: string,
): Promise<ErasedAccount | undefined> {
  const [account]: ErasedAccount[] = await tx.query(
    `SELECT u.id, u.username, u.org_unit_id AS "orgUnitId", u.roles, o.path
       FROM app_user u ${orgUnitJoin('o', 'u.org_unit_id')}
      WHERE u.id = $1 FOR UPDATE OF u`,
    [userId],
  );
  return account;
}

/**
 * Deletes the account; the foreign keys cascade to everything keyed by the person
 * (memberships, enrolments with their lesson completions, quiz attempts, sessions…) or set
 * it to NULL where a record must outlive them (issued certificates).
 */
export async function deleteAccount(tx: EntityManager, userId: string): Promise<void> {
  await tx.query(`DELETE FROM app_user WHERE id = $1`, [userId]);
}
