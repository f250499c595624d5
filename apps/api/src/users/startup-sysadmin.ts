import { MembershipEntity, UserEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/** Whether any account holds the sysadmin role (then start-up creates none). */
export async function hasSysadmin(m: EntityManager): Promise<boolean> {
  const [{ count }] = await m.query(
    `SELECT count(*)::int AS count FROM app_user WHERE 'sysadmin' = ANY(roles)`,
  );
  return count > 0;
}

/**
 * The start-up sysadmin (ADMIN_USERNAME): an account that is also a learner, with no DX
 * role, member of `orgUnitId` from `validFrom`. In the caller's transaction.
 */
export async function createStartupSysadmin(
  tx: EntityManager,
  args: { username: string; passwordHash: string; orgUnitId: string; validFrom: string },
): Promise<void> {
  const user = await tx.save(
    tx.create(UserEntity, {
      username: args.username,
      passwordHash: args.passwordHash,
      fullName: 'Quản trị hệ thống',
      orgUnitId: args.orgUnitId,
      dxRole: 'none',
      roles: ['sysadmin', 'learner'],
    }),
  );
  await tx.insert(MembershipEntity, {
    userId: user.id,
    orgUnitId: args.orgUnitId,
    dxRole: 'none',
    validFrom: args.validFrom,
  });
}
