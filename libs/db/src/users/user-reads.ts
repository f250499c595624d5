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

/** One account by id (the caller's own profile, GET /api/me). */
export function findUserById(m: EntityManager, id: string): Promise<UserEntity | null> {
  return m.getRepository(UserEntity).findOneBy({ id });
}

/** Filters of the people list; every path prefix is a subtree (`/a/b/`). */
export interface UsersPageQuery {
  /** The caller's subtree; null when the caller sees everyone. */
  scopePrefix: string | null;
  /** A unit's subtree asked for (already checked to be visible). */
  unitPrefix?: string;
  /** Part of a username or full name (matched literally, case ignored). */
  search?: string;
  offset: number;
  limit: number;
}

/**
 * One page of people, by name, and how many match. The search is served by the trigram
 * index on username and full name (idx_app_user_search), the subtrees by unit paths.
 */
export function findUsersPage(
  m: EntityManager,
  q: UsersPageQuery,
): Promise<[UserEntity[], number]> {
  const qb = m.getRepository(UserEntity).createQueryBuilder('u').innerJoin('u.orgUnit', 'unit');
  if (q.scopePrefix !== null)
    qb.andWhere('unit.path LIKE :scopePrefix', { scopePrefix: `${q.scopePrefix}%` });
  if (q.unitPrefix) qb.andWhere('unit.path LIKE :unitPrefix', { unitPrefix: `${q.unitPrefix}%` });
  if (q.search) {
    const literal = q.search
      .trim()
      .normalize('NFC')
      .replace(/[\\%_]/g, '\\$&');
    qb.andWhere('(u.username ILIKE :term OR u.fullName ILIKE :term)', { term: `%${literal}%` });
  }
  return qb
    .orderBy('u.fullName', 'ASC')
    .addOrderBy('u.id', 'ASC')
    .skip(q.offset)
    .take(q.limit)
    .getManyAndCount();
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
