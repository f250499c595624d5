import { findUserById, findUserForSignIn, UserEntity } from '@dx/db';
import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * What the auth feature needs of accounts (the users feature owns `app_user`): look-ups,
 * the active flag and setting a password hash. Auth names no account table or entity.
 */
@Injectable()
export class UserAccountsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ username });
  }

  /** Everyone with this email (case ignored): a sign-on link needs exactly one. */
  findByEmail(email: string): Promise<UserEntity[]> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .limit(2)
      .getMany();
  }

  /** Unique (index): the person a sign-on identity with this citizen number links to. */
  findByNationalId(nationalId: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ nationalId });
  }

  /** `m`: the caller's transaction, when the account must be read inside it. */
  findById(id: string, m: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return findUserById(m, id);
  }

  /** The account signing in (username already trimmed and lower-cased), with its password hash. */
  findForSignIn(username: string): Promise<UserEntity | null> {
    return findUserForSignIn(this.db.manager, username);
  }

  /** With the password hash, for checking the current password. */
  findWithPasswordHash(id: string): Promise<UserEntity | null> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** The accounts among `ids` that are active (deactivated and erased ones are left out). */
  async activeAmong(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async setPasswordHash(tx: EntityManager, id: string, passwordHash: string): Promise<void> {
    await tx.update(UserEntity, { id }, { passwordHash });
  }
}

/** Global, so the (global) auth feature reaches it without importing the users module. */
@Global()
@Module({ providers: [UserAccountsService], exports: [UserAccountsService] })
export class UserAccountsModule {}
