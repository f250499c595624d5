import { APP_CONFIG, AppConfig } from '@dx/config';
import { RefreshTokenEntity } from '@dx/db';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccountStatusService } from './account-status.service';
import { recordAudit } from '../audit/record-audit';
import { UserAccountsService } from '../users/user-accounts.service';

/** An account as the users feature reads it. */
type Account = NonNullable<Awaited<ReturnType<UserAccountsService['findById']>>>;

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Refresh tokens: random 256-bit values, stored as SHA-256 only, one family per sign-in.
 * Each use rotates the token (the old row is marked used); presenting a used token again
 * means two parties hold it, so the whole family is revoked and both must sign in again.
 * A family keeps only its current token and the one used last, so it never grows.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accountStatus: AccountStatusService,
    private readonly accounts: UserAccountsService,
  ) {}

  /** Starts a family at sign-in, and drops the user's long-expired ones. */
  async start(userId: string): Promise<{ refreshToken: string; sessionId: string }> {
    const sessionId = randomUUID();
    const refreshToken = await this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM refresh_token WHERE user_id = $1 AND expires_at < now() - interval '1 day'`,
        [userId],
      );
      return this.insert(tx, userId, sessionId);
    });
    return { refreshToken, sessionId };
  }

  /** The user and a new token of the same family; 401 for anything but a current token. */
  async rotate(token: string): Promise<{ user: Account; refreshToken: string; sessionId: string }> {
    const outcome = await this.db.transaction(async (tx) => {
      const row = await tx.findOne(RefreshTokenEntity, {
        where: { tokenHash: hash(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.revokedAt) return null;
      if (row.usedAt) {
        await this.revokeFamily(tx, row.familyId);
        await recordAudit(tx, {
          action: 'auth.refresh_token_reused',
          actor: null,
          targetType: 'user',
          targetId: row.userId,
          details: { familyId: row.familyId },
        });
        return null;
      }
      if (row.expiresAt.getTime() <= Date.now()) return null;
      const user = await this.accounts.findById(row.userId, tx);
      if (!user?.active) return null;
      await tx.update(RefreshTokenEntity, { id: row.id }, { usedAt: () => 'now()' });
      await tx.query(
        `DELETE FROM refresh_token WHERE family_id = $1 AND used_at IS NOT NULL AND id <> $2`,
        [row.familyId, row.id],
      );
      return {
        user,
        refreshToken: await this.insert(tx, user.id, row.familyId),
        sessionId: row.familyId,
      };
    });
    if (!outcome) throw new UnauthorizedException('Invalid or expired refresh token');
    return outcome;
  }

  /** Sign-out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    const row = await this.db
      .getRepository(RefreshTokenEntity)
      .findOneBy({ tokenHash: hash(token) });
    if (!row) return;
    await this.revokeFamily(this.db.manager, row.familyId);
    // This process stops accepting the sign-in's access token at once; others within the TTL.
    this.accountStatus.forget(row.userId);
  }

  /** Every sign-in of the user ends (password reset, deactivation), in the caller's transaction. */
  async revokeAllOfUser(m: EntityManager, userId: string): Promise<void> {
    await m.update(
      RefreshTokenEntity,
      { userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  private async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.update(
      RefreshTokenEntity,
      { familyId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  private async insert(tx: EntityManager, userId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const days = this.config.jwt.refreshTtlDays;
    await tx.insert(RefreshTokenEntity, {
      userId,
      familyId,
      tokenHash: hash(token),
      expiresAt: new Date(Date.now() + days * 86_400_000),
    });
    return token;
  }
}
