import { APP_CONFIG, AppConfig } from '@dx/config';
import type { SignInResponse } from '@dx/contracts';
import { hashActivationCode, MailService, PasswordHasher } from '@dx/db';
import { UserAccountsService } from '../users/user-accounts.service';
import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AccountStatusService } from './account-status.service';
import { LoginThrottleService } from './login-throttle.service';
import { passwordProblem } from './password-policy';
import { invalidField } from '../http/invalid-input';
import { tooManyRequests } from '../http/too-many-requests';
import { RateLimiter } from './rate-limiter.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { SignInService } from './sign-in.service';

type Account = NonNullable<Awaited<ReturnType<UserAccountsService['findById']>>>;

const RESET_TTL_MINUTES = 30;
/** Reset mails per person and window: enough for a lost mail, too few to flood an inbox. */
const RESET_MAILS = { max: 3, windowSeconds: 3_600 };

const TOO_MANY = 'Too many attempts; try again later';

// Wrong, expired and used codes or links get the same answer: no telling which.
const wrongCode = () =>
  invalidField('code', 'is wrong, expired or used', 'activation_code_invalid');
const wrongToken = () => invalidField('token', 'is wrong, expired or used', 'reset_token_invalid');

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Setting a password: with an activation code, with a mailed reset link, or knowing the
 * current one. Wrong codes and tokens say nothing about whether the person exists and
 * count against the same limits as failed sign-ins.
 */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly limiter: RateLimiter,
    private readonly refreshTokens: RefreshTokensService,
    private readonly mail: MailService,
    private readonly accountStatus: AccountStatusService,
    private readonly accounts: UserAccountsService,
    private readonly signIn: SignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly throttler: ThrottlerStorage,
  ) {}

  async activate(
    rawUsername: string,
    code: string,
    newPassword: string,
    ip: string,
  ): Promise<SignInResponse> {
    const username = rawUsername.trim().toLowerCase();
    await this.throttle.assertAllowed(username, ip);
    const user = await this.accounts.findByUsername(username);
    const codeHash = hashActivationCode(this.config.jwt.secret, code);
    const open: { id: string; code_hash: string }[] = user
      ? await this.db.query(
          `SELECT id, code_hash FROM activation_code
            WHERE user_id = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > now()`,
          [user.id],
        )
      : [];
    if (
      !user?.active ||
      !open[0] ||
      !timingSafeEqual(Buffer.from(open[0].code_hash), Buffer.from(codeHash))
    ) {
      await this.throttle.recordFailure(username, ip);
      throw wrongCode();
    }
    this.assertPolicy(newPassword, user);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (tx) => {
      // The code is spent by exactly one request, however many arrive together.
      const spent = await tx.query(
        `UPDATE activation_code SET used_at = now() WHERE id = $1 AND used_at IS NULL AND replaced_at IS NULL RETURNING id`,
        [open[0].id],
      );
      if (spent[0].length === 0) throw wrongCode();
      await this.setPassword(tx, user.id, passwordHash);
      await recordAudit(tx, {
        action: 'user.activated',
        actor: { id: user.id, username: user.username },
        targetType: 'user',
        targetId: user.id,
        orgUnitId: user.orgUnitId,
      });
    });
    await this.throttle.recordSuccess(username);
    // Staff whose role needs a second factor enrol it before their first session.
    return this.signIn.afterFirstFactor(user);
  }

  /** Mails a reset link when the person exists and has an email; answers the same either way. */
  async requestReset(rawUsername: string, ip: string): Promise<void> {
    const username = rawUsername.trim().toLowerCase();
    // Per address, counted in @nestjs/throttler's storage after validation (invalid bodies
    // get their 400 without using a slot): the endpoint must not become a way to probe or to
    // send mail in bulk.
    const limit = this.config.rateLimits.passwordResetRequest;
    const windowMs = limit.windowSeconds * 1000;
    const hit = await this.throttler.increment(
      `rate:passwordResetRequest:ip:${ip}`,
      windowMs,
      limit.max,
      windowMs,
      'passwordResetRequest',
    );
    if (hit.isBlocked) throw tooManyRequests(TOO_MANY, hit.timeToBlockExpire);
    const user = await this.accounts.findByUsername(username);
    if (!user?.email || !user.active) return;
    const [sent] = await this.limiter.increment(
      [`pwreset:user:${user.id}`],
      RESET_MAILS.windowSeconds,
    );
    if (sent > RESET_MAILS.max) return;
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO password_reset_token (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id`,
        [user.id, sha256(token), RESET_TTL_MINUTES],
      );
      await this.mail.enqueue(tx, {
        to: user.email as string,
        userId: user.id,
        template: 'password-reset',
        params: {
          fullName: user.fullName,
          resetUrl: `${this.config.publicBaseUrl}/reset-password?token=${token}`,
          validMinutes: RESET_TTL_MINUTES,
        },
        idempotencyKey: `password-reset:${id}`,
      });
    });
  }

  async confirmReset(token: string, newPassword: string, ip: string): Promise<void> {
    const failures = `pwreset-fail:ip:${ip}`;
    // Like the address rule of sign-in: an office behind one address gets some room.
    await this.limiter.assertUnder({ [failures]: this.config.login.maxFailures * 10 }, TOO_MANY);
    const [row]: { id: string; user_id: string }[] = await this.db.query(
      `SELECT id, user_id FROM password_reset_token
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [sha256(token)],
    );
    const user = row ? await this.accounts.findById(row.user_id) : null;
    if (!row || !user?.active) {
      await this.limiter.increment([failures], this.config.login.failureWindowSeconds);
      throw wrongToken();
    }
    this.assertPolicy(newPassword, user);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (tx) => {
      const spent = await tx.query(
        `UPDATE password_reset_token SET used_at = now() WHERE user_id = $1 AND used_at IS NULL RETURNING id`,
        [user.id],
      );
      if (!spent[0].some((r: { id: string }) => r.id === row.id)) throw wrongToken();
      await this.setPassword(tx, user.id, passwordHash);
      await this.refreshTokens.revokeAllOfUser(tx, user.id);
      await recordAudit(tx, {
        action: 'auth.password_reset',
        actor: { id: user.id, username: user.username },
        targetType: 'user',
        targetId: user.id,
        orgUnitId: user.orgUnitId,
      });
    });
    this.accountStatus.forget(user.id);
  }

  async change(
    userId: string,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const user = (await this.accounts.findWithPasswordHash(userId)) as Account;
    await this.throttle.assertAllowed(user.username, ip);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.throttle.recordFailure(user.username, ip);
      throw invalidField('currentPassword', 'is wrong', 'current_password_wrong');
    }
    this.assertPolicy(newPassword, user, currentPassword);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (tx) => {
      await this.setPassword(tx, user.id, passwordHash);
      await recordAudit(tx, {
        action: 'auth.password_changed',
        targetType: 'user',
        targetId: user.id,
        orgUnitId: user.orgUnitId,
      });
    });
  }

  private assertPolicy(password: string, user: Account, current?: string): void {
    const problem = passwordProblem(password, user);
    if (problem) throw invalidField('newPassword', problem.message, problem.code, problem.params);
    if (current !== undefined && password === current) {
      throw invalidField('newPassword', 'is the current password', 'password_unchanged');
    }
  }

  private async setPassword(
    tx: EntityManager,
    userId: string,
    passwordHash: string,
  ): Promise<void> {
    await this.accounts.setPasswordHash(tx, userId, passwordHash);
  }
}
