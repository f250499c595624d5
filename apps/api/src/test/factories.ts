import type { DxRole, Role } from '@dx/contracts';
import { MembershipEntity, OrgUnitEdgeEntity, OrgUnitEntity, UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Test data straight into the real database: unique codes and usernames per call, so
 * specs running in parallel against one database never collide.
 */
export class Factories {
  static readonly PASSWORD = 'Mat-khau-thu-nghiem-1';
  private static hash?: Promise<string>;

  constructor(private readonly db: DataSource) {}

  async unit(parent?: OrgUnitEntity | null, name = 'Đơn vị thử nghiệm'): Promise<OrgUnitEntity> {
    const id = randomUUID();
    const unit = this.db.getRepository(OrgUnitEntity).create({
      id,
      code: `T-${randomSuffix().toUpperCase()}`,
      name,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      validFrom: '2000-01-01',
    });
    await this.db.getRepository(OrgUnitEntity).insert(unit);
    await this.db
      .getRepository(OrgUnitEdgeEntity)
      .insert({ unitId: id, parentId: unit.parentId, validFrom: '2000-01-01' });
    return unit;
  }

  async user(
    unit: OrgUnitEntity,
    opts: {
      roles?: Role[];
      dxRole?: DxRole;
      fullName?: string;
      username?: string;
      email?: string;
      /** Citizen identity number (12 digits). */
      nationalId?: string;
      /** Imported people have no password until they activate. */
      noPassword?: boolean;
    } = {},
  ): Promise<UserEntity> {
    Factories.hash ??= argon2.hash(Factories.PASSWORD, { type: argon2.argon2id });
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.save(
      repo.create({
        username: opts.username ?? `u.${randomSuffix()}`,
        passwordHash: opts.noPassword ? null : await Factories.hash,
        email: opts.email ?? null,
        nationalId: opts.nationalId ?? null,
        fullName: opts.fullName ?? 'Nguyễn Văn Thử',
        orgUnitId: unit.id,
        dxRole: opts.dxRole ?? 'full_time',
        roles: opts.roles ?? ['learner'],
      }),
    );
    await this.db.getRepository(MembershipEntity).insert({
      userId: user.id,
      orgUnitId: unit.id,
      dxRole: user.dxRole,
      validFrom: '2000-01-01',
    });
    return user;
  }

  /** A province-like tree: root → A, B (each with one child), for scope tests. */
  async twoProvinces() {
    const root = await this.unit(null, 'Bộ Thử nghiệm');
    const a = await this.unit(root, 'Tỉnh A');
    const b = await this.unit(root, 'Tỉnh B');
    const a1 = await this.unit(a, 'Xã A1');
    const b1 = await this.unit(b, 'Xã B1');
    return { root, a, b, a1, b1 };
  }
}
