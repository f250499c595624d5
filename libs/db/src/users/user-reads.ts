import { EntityManager, IsNull } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

// Account reads the API makes through TypeORM, named here so that the national bench
// (tools/bench hot queries) replays the very call the API makes.

/** The account signing in, with its password hash (a column TypeORM leaves out otherwise). */
export function findUserForSignIn(m: EntityManager, username: string): Promise<UserEntity | null> {
  return m
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .where('u.username = :username', { username })
    .getOne();
}

/**
 * A person's open membership, locked inside the caller's transaction: a unit merge running
 * at the same time moves open memberships too.
 */
export function lockOpenMembership(
  tx: EntityManager,
  userId: string,
): Promise<MembershipEntity | null> {
  return tx.findOne(MembershipEntity, {
    where: { userId, validTo: IsNull() },
    lock: { mode: 'pessimistic_write' },
  });
}
