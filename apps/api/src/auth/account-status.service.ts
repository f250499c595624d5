import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { UserAccountsService } from '../users/user-accounts.service';

/** How long a process trusts what it read: a deactivated account stops working within this. */
const STATUS_TTL_MS = 30_000;

/** A session id is a refresh family's uuid; anything else names no live sign-in. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Pending {
  userId: string;
  sessionId?: string;
  answer: Promise<boolean>;
  settle: (ok: boolean) => void;
  fail: (err: unknown) => void;
}

/**
 * Whether an access token may still act: its account exists and is active, and its
 * sign-in (`sid`) was not ended by sign-out or a password reset. Read at most once per
 * sign-in and 30 s by each process (a token is signed for 15 minutes, while deactivation
 * must end access within a minute); the process that made the change forgets at once.
 *
 * The reads of one event-loop turn go to PostgreSQL together (one query for the sign-ins,
 * one for the accounts, whatever their number): under load most requests come from people
 * whose status is older than 30 s, and one pair of round trips per request was the API's
 * largest per-request cost after this check was added (issue #18's bench).
 */
@Injectable()
export class AccountStatusService {
  /** Keyed `userId|sid`. */
  private readonly active = new LRUCache<string, boolean>({ max: 200_000, ttl: STATUS_TTL_MS });
  /** The keys of each user, to forget them all at once. */
  private readonly keysOfUser = new Map<string, Set<string>>();
  /** Reads asked for in this turn of the event loop, keyed like `active`. */
  private batch: Map<string, Pending> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: UserAccountsService,
  ) {}

  async isActive(userId: string, sessionId?: string): Promise<boolean> {
    const key = `${userId}|${sessionId ?? ''}`;
    const known = this.active.get(key);
    if (known !== undefined) return known;
    const ok = await this.read(key, userId, sessionId);
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

  /** Joins this turn's batch (the same key asked twice is read once). */
  private read(key: string, userId: string, sessionId?: string): Promise<boolean> {
    if (!this.batch) {
      const batch = new Map<string, Pending>();
      this.batch = batch;
      setImmediate(() => void this.flush(batch));
    }
    const queued = this.batch.get(key);
    if (queued) return queued.answer;
    let settle!: (ok: boolean) => void;
    let fail!: (err: unknown) => void;
    const answer = new Promise<boolean>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.batch.set(key, { userId, sessionId, answer, settle, fail });
    return answer;
  }

  private async flush(batch: Map<string, Pending>): Promise<void> {
    if (this.batch === batch) this.batch = undefined;
    const reads = [...batch.values()];
    // Ids come from signed tokens; one malformed id must still not fail the others' query.
    const uuids = (ids: (string | undefined)[]) =>
      [...new Set(ids)].filter((id): id is string => !!id && UUID.test(id));
    try {
      const [liveSessions, activeUsers] = await Promise.all([
        this.liveSessions(uuids(reads.map((r) => r.sessionId))),
        this.accounts.activeAmong(uuids(reads.map((r) => r.userId))),
      ]);
      for (const r of reads) {
        const signedIn = r.sessionId === undefined || liveSessions.has(r.sessionId);
        r.settle(signedIn && activeUsers.has(r.userId));
      }
    } catch (err) {
      for (const r of reads) r.fail(err);
    }
  }

  /** The sign-ins among `ids` that sign-out or a password reset has not ended. */
  private async liveSessions(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { familyId: string }[] = await this.db.query(
      `SELECT DISTINCT family_id AS "familyId" FROM refresh_token
        WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
      [ids],
    );
    return new Set(rows.map((r) => r.familyId));
  }
}
