import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { UserAccountsService } from '../users/user-accounts.service';

/** How long a process trusts what it read: a deactivated account stops working within this. */
const STATUS_TTL_MS = 30_000;

/**
 * Whether an access token may still act: its account exists and is active, and its
 * sign-in (`sid`) was not ended by sign-out or a password reset. Read at most once per
 * sign-in and 30 s by each process (a token is signed for 15 minutes, while deactivation
 * must end access within a minute); the process that made the change forgets at once.
 */
@Injectable()
export class AccountStatusService {
  /** Keyed `userId|sid`. */
  private readonly active = new LRUCache<string, boolean>({ max: 200_000, ttl: STATUS_TTL_MS });
  /** The keys of each user, to forget them all at once. */
  private readonly keysOfUser = new Map<string, Set<string>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: UserAccountsService,
  ) {}

  async isActive(userId: string, sessionId?: string): Promise<boolean> {
    const key = `${userId}|${sessionId ?? ''}`;
    const known = this.active.get(key);
    if (known !== undefined) return known;
    const rows: { ok: boolean }[] = await this.db.query(
      `SELECT $1::uuid IS NULL OR EXISTS (
                SELECT 1 FROM refresh_token r WHERE r.family_id = $1 AND r.revoked_at IS NULL) AS ok`,
      [sessionId ?? null],
    );
    const ok = rows[0]?.ok === true && (await this.accounts.isActive(userId));
    this.active.set(key, ok);
    // Bounded: the index only serves forget(); a lost entry just waits for the TTL.
    if (this.keysOfUser.size > 200_000) this.keysOfUser.clear();
    const keys = this.keysOfUser.get(userId) ?? new Set<string>();
    this.keysOfUser.set(userId, keys.add(key));
    return ok;
  }

  /** After a change to the account or its sign-ins: read again on the next request. */
  forget(userId: string): void {
    for (const key of this.keysOfUser.get(userId) ?? []) this.active.delete(key);
    this.keysOfUser.delete(userId);
  }
}
