import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import {
  MembershipEntity,
  OrgUnitEdgeEntity,
  OrgUnitEntity,
  PasswordHasher,
  UserEntity,
} from '@dx/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** Key of the transaction lock that serialises start-up writes across API processes. */
export const STARTUP_LOCK_KEY = 7_311_691;

/**
 * Creates the sysadmin named by ADMIN_USERNAME / ADMIN_PASSWORD when the database has
 * no sysadmin yet, so a fresh installation can be signed into. Never changes an
 * existing account.
 */
@Injectable()
export class AdminAccountService {
  private readonly logger = new Logger(AdminAccountService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
  ) {}

  async ensureAdmin(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const passwordHash = await this.hasher.hash(admin.password);
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [STARTUP_LOCK_KEY]);
      const [{ count }] = await tx.query(
        `SELECT count(*)::int AS count FROM app_user WHERE 'sysadmin' = ANY(roles)`,
      );
      if (count > 0) return;
      const unit = await this.rootUnit(tx);
      const username = admin.username.trim().toLowerCase();
      const user = await tx.save(
        tx.create(UserEntity, {
          username,
          passwordHash,
          fullName: 'Quản trị hệ thống',
          orgUnitId: unit.id,
          dxRole: 'none',
          roles: ['sysadmin', 'learner'],
        }),
      );
      await tx.insert(MembershipEntity, {
        userId: user.id,
        orgUnitId: unit.id,
        dxRole: 'none',
        validFrom: calendarDate(this.config.reportsTimeZone),
      });
      this.logger.log(`Created sysadmin "${username}" in unit ${unit.code}`);
    });
  }

  /** The first open root unit; a fresh database gets one so the admin belongs somewhere. */
  private async rootUnit(tx: EntityManager): Promise<OrgUnitEntity> {
    const existing = await tx
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .where('u.parentId IS NULL AND u.validTo IS NULL')
      .orderBy('u.createdAt', 'ASC')
      .getOne();
    if (existing) return existing;
    const id = randomUUID();
    const unit = tx.create(OrgUnitEntity, {
      id,
      code: 'ROOT',
      name: 'Đơn vị gốc',
      parentId: null,
      path: `/${id}/`,
      depth: 0,
      validFrom: '1900-01-01',
    });
    await tx.insert(OrgUnitEntity, unit);
    await tx.insert(OrgUnitEdgeEntity, { unitId: id, parentId: null, validFrom: '1900-01-01' });
    return unit;
  }
}
