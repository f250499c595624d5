import type { DxRole, Role } from '@dx/contracts';
import { insertChunks, MembershipEntity, UserEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** One demo account and its membership history (half-open periods, in order). */
export interface DemoPersonSpec {
  username: string;
  passwordHash: string;
  fullName: string;
  email: string;
  dateOfBirth: string | null;
  orgUnitId: string;
  jobTitle: string;
  dxRole: DxRole;
  roles: Role[];
  memberships: { orgUnitId: string; dxRole: DxRole; validFrom: string; validTo: string | null }[];
}

/** A demo person as the seed's learning history needs them (certificates carry name and birth date). */
export interface DemoPersonRow {
  id: string;
  username: string;
  fullName: string;
  dateOfBirth: string | null;
  dxRole: DxRole;
}

/**
 * Writes the demo people at once (one INSERT per 500 accounts and memberships), in the
 * seed's transaction. Returns their ids by username.
 */
export async function insertDemoPeople(
  tx: EntityManager,
  people: readonly DemoPersonSpec[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const users: UserEntity[] = [];
  const memberships: MembershipEntity[] = [];
  for (const { memberships: periods, ...p } of people) {
    const id = randomUUID();
    users.push(tx.create(UserEntity, { id, ...p }));
    for (const m of periods) memberships.push(tx.create(MembershipEntity, { userId: id, ...m }));
    ids.set(p.username, id);
  }
  await insertChunks(tx, UserEntity, users);
  await insertChunks(tx, MembershipEntity, memberships);
  return ids;
}

/** Every account, by username in the database's collation (the demo draws its history in that order). */
export async function listDemoPeople(tx: EntityManager): Promise<DemoPersonRow[]> {
  return tx.query(
    `SELECT id, username, full_name AS "fullName", date_of_birth::text AS "dateOfBirth",
            dx_role AS "dxRole"
     FROM app_user ORDER BY username`,
  );
}
