import { APP_CONFIG, AppConfig } from '@dx/config';
import type {
  MfaRecoveryCodesResponse,
  MfaSetupResponse,
  MfaStatusResponse,
  Role,
} from '@dx/contracts';
import { UserMfaEntity } from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as QRCode from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/record-audit';
import { invalidField } from '../../http/invalid-input';
import { UserAccountsService } from '../../users/user-accounts.service';
import { AccountStatusService } from '../account-status.service';
import { RateLimiter } from '../rate-limiter.service';
import { RefreshTokensService } from '../refresh-tokens.service';
import {
  hashRecoveryCode,
  looksLikeTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  totpStep,
} from './totp';

const WRONG_CODE = 'is wrong or already used';

const alreadyOn = () =>
  new ConflictException({
    code: 'mfa_already_enabled',
    message: 'Two-factor sign-in is already on',
    errors: [],
  });

interface Person {
  id: string;
  username: string;
  orgUnitId: string;
  roles: Role[];
}

/**
 * The TOTP second factor: enrolment (secret shown once, confirmed by a code), checks at
 * sign-in (a time step once only, recovery codes once each), and its removal by the person
 * (when their role allows) or by a sysadmin (audited, every sign-in of the person ends).
 * Wrong codes count per person against the sign-in limit, then 429.
 */
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limiter: RateLimiter,
    private readonly accounts: UserAccountsService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly accountStatus: AccountStatusService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The person's roles require a second factor (MFA_REQUIRED_ROLES). */
  isRequired(roles: readonly Role[]): boolean {
    return roles.some((r) => this.config.accounts.mfaRequiredRoles.includes(r));
  }

  async isEnabled(userId: string): Promise<boolean> {
    const row = await this.row(this.db.manager, userId);
    return !!row?.enabledAt;
  }

  async status(person: Person): Promise<MfaStatusResponse> {
    const row = await this.row(this.db.manager, person.id);
    return {
      enabled: !!row?.enabledAt,
      required: this.isRequired(person.roles),
      recoveryCodesLeft: row?.enabledAt ? row.recoveryCodeHashes.length : 0,
    };
  }

  /** A new secret to enrol; replaces an unfinished enrolment, never an enabled factor (409). */
  async begin(person: Pick<Person, 'id' | 'username'>): Promise<MfaSetupResponse> {
    const secret = newTotpSecret();
    const saved: unknown[] = await this.db.query(
      `INSERT INTO user_mfa (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_used_step = NULL
         WHERE user_mfa.enabled_at IS NULL
       RETURNING user_id`,
      [person.id, secret],
    );
    if (saved.length === 0) throw alreadyOn();
    const url = otpauthUrl(person.username, secret);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      secret,
      otpauthUrl: url,
      qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  }

  /** Confirms an enrolment with a first code; answers the recovery codes (shown once). */
  async enable(person: Person, code: string): Promise<MfaRecoveryCodesResponse> {
    await this.assertNotThrottled(person.id);
    const row = await this.row(this.db.manager, person.id);
    if (row?.enabledAt) throw alreadyOn();
    const step = row ? totpStep(row.secret, code) : null;
    if (!row || step === null) return this.refuse(person.id);
    const recoveryCodes = newRecoveryCodes();
    await this.db.transaction(async (tx) => {
      const done = await tx.query(
        `UPDATE user_mfa SET enabled_at = now(), last_used_step = $2, recovery_code_hashes = $3
          WHERE user_id = $1 AND enabled_at IS NULL AND secret = $4 RETURNING user_id`,
        [person.id, step, recoveryCodes.map(hashRecoveryCode), row.secret],
      );
      if (done[1] === 0)
        throw new ConflictException({
          code: 'mfa_enrolment_changed',
          message: 'Enrolment changed meanwhile',
          errors: [],
        });
      await recordAudit(tx, this.audited('auth.mfa_enabled', person, person));
    });
    await this.limiter.reset(this.failKey(person.id));
    return { recoveryCodes };
  }

  /**
   * Checks a TOTP code (its time step must be newer than the last one used) or spends a
   * recovery code. 400 `mfa_code_invalid` otherwise, 429 past the limit.
   */
  async verify(userId: string, code: string): Promise<void> {
    await this.assertNotThrottled(userId);
    if (!(await this.accept(userId, code))) return this.refuse(userId);
    await this.limiter.reset(this.failKey(userId));
  }

  /** New recovery codes, the old ones stop working; needs a valid code. */
  async renewRecoveryCodes(person: Person, code: string): Promise<MfaRecoveryCodesResponse> {
    await this.verify(person.id, code);
    const recoveryCodes = newRecoveryCodes();
    await this.db.query(
      `UPDATE user_mfa SET recovery_code_hashes = $2 WHERE user_id = $1 AND enabled_at IS NOT NULL`,
      [person.id, recoveryCodes.map(hashRecoveryCode)],
    );
    return { recoveryCodes };
  }

  /** The person switches their factor off (a valid code needed); 409 when their role requires it. */
  async disable(person: Person, code: string): Promise<void> {
    if (this.isRequired(person.roles))
      throw new ConflictException({
        code: 'mfa_required',
        message: 'Your role requires a second factor',
        errors: [],
      });
    await this.verify(person.id, code);
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM user_mfa WHERE user_id = $1`, [person.id]);
      await recordAudit(tx, this.audited('auth.mfa_disabled', person, person));
    });
  }

  /**
   * A sysadmin removes someone's second factor (a lost phone): every sign-in of the person
   * ends, and their next sign-in enrols again when their role requires it.
   */
  async reset(targetId: string): Promise<void> {
    const target = await this.accounts.findById(targetId);
    if (!target) throw new NotFoundException('User not found');
    await this.db.transaction(async (tx) => {
      const removed = await tx.query(`DELETE FROM user_mfa WHERE user_id = $1 RETURNING user_id`, [
        targetId,
      ]);
      await this.refreshTokens.revokeAllOfUser(tx, targetId);
      await recordAudit(tx, {
        action: 'auth.mfa_reset',
        targetType: 'user',
        targetId,
        orgUnitId: target.orgUnitId,
        details: { username: target.username, hadFactor: removed[1] > 0 },
      });
    });
    this.accountStatus.forget(targetId);
  }

  private async accept(userId: string, code: string): Promise<boolean> {
    const row = await this.row(this.db.manager, userId);
    if (!row?.enabledAt) return false;
    if (looksLikeTotp(code)) {
      const step = totpStep(row.secret, code);
      if (step === null) return false;
      // One statement decides, so two requests with the same code cannot both pass.
      const used = await this.db.query(
        `UPDATE user_mfa SET last_used_step = $2
          WHERE user_id = $1 AND enabled_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
          RETURNING user_id`,
        [userId, step],
      );
      return used[1] > 0;
    }
    const spent = await this.db.query(
      `UPDATE user_mfa SET recovery_code_hashes = array_remove(recovery_code_hashes, $2)
        WHERE user_id = $1 AND enabled_at IS NOT NULL AND $2 = ANY(recovery_code_hashes)
        RETURNING user_id`,
      [userId, hashRecoveryCode(code)],
    );
    return spent[1] > 0;
  }

  private row(m: EntityManager, userId: string): Promise<UserMfaEntity | null> {
    return m.getRepository(UserMfaEntity).findOneBy({ userId });
  }

  private failKey(userId: string): string {
    return `mfa-fail:user:${userId}`;
  }

  private async assertNotThrottled(userId: string): Promise<void> {
    await this.limiter.assertUnder(
      { [this.failKey(userId)]: this.config.login.maxFailures },
      'Too many wrong codes; try again later',
    );
  }

  private async refuse(userId: string): Promise<never> {
    await this.limiter.increment([this.failKey(userId)], this.config.login.failureWindowSeconds);
    throw invalidField('code', WRONG_CODE, 'mfa_code_invalid');
  }

  private audited(
    action: 'auth.mfa_enabled' | 'auth.mfa_disabled',
    person: Person,
    actor: Person,
  ): Parameters<typeof recordAudit>[1] {
    return {
      action,
      actor: { id: actor.id, username: actor.username },
      targetType: 'user',
      targetId: person.id,
      orgUnitId: person.orgUnitId,
    };
  }
}
