import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import { PasswordHasher } from '@dx/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ensureRootUnit } from '../org-units/startup-units';
import { createStartupSysadmin, hasSysadmin } from '../users/startup-sysadmin';

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
      if (await hasSysadmin(tx)) return;
      const unit = await ensureRootUnit(tx);
      const username = admin.username.trim().toLowerCase();
      await createStartupSysadmin(tx, {
        username,
        passwordHash,
        orgUnitId: unit.id,
        validFrom: calendarDate(this.config.reportsTimeZone),
      });
      this.logger.log(`Created sysadmin "${username}" in unit ${unit.code}`);
    });
  }
}
