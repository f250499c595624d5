import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';

/** How long a process trusts what it read: a deactivated account stops working within this. */
const STATUS_TTL_MS = 30_000;

/**
 * Whether the account behind an access token may still act: it exists and is active. Read
 * at most once per account and 30 s by each process (a token is signed for 15 minutes,
 * while a deactivation must end access within a minute); this process forgets at once.
 */
@Injectable()
export class AccountStatusService {
  private readonly active = new LRUCache<string, boolean>({ max: 200_000, ttl: STATUS_TTL_MS });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isActive(userId: string): Promise<boolean> {
    const known = this.active.get(userId);
    if (known !== undefined) return known;
    const rows: { active: boolean }[] = await this.db.query(
      `SELECT active FROM app_user WHERE id = $1`,
      [userId],
    );
    const active = rows[0]?.active === true;
    this.active.set(userId, active);
    return active;
  }

  forget(userId: string): void {
    this.active.delete(userId);
  }
}
