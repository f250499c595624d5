import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { TurnBatch } from '../cache/turn-batch';
import { UserAccountsService } from '../users/user-accounts.service';

/** How long a process trusts what it read: a deactivated account stops working within this. */
export const STATUS_TTL_MS = 30_000;
/**
 * Past this age an answer is still used, and read again in the background: someone who keeps
 * working never waits for the check after their first request, while no answer older than
 * STATUS_TTL_MS is ever used. Without it, everyone first seen together (the morning rush, an
 * exam's start) expired together 30 s later, and each of their requests waited for the
 * database again (the open-loop bench saw those seconds as its slowest, issue #20).
 */
export const STATUS_REFRESH_AFTER_MS = 20_000;

/** A session id is a refresh family's uuid; anything else names no live sign-in. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One status to read: the cache's key, the account and the sign-in. */
interface StatusRead {
  key: string;
  userId: string;
  sessionId?: string;
}

/** Where the service reads the time (tests give their own clock). */
export const STATUS_CLOCK = Symbol('STATUS_CLOCK');
export interface StatusClock {
  now(): number;
}

/**
 * Whether an access token may still act: its account exists and is active, and its
 * sign-in (`sid`) was not ended by sign-out or a password reset. Each process trusts an
 * answer for 30 s (a token is signed for 15 minutes, while deactivation must end access
 * within a minute) and reads it again in the background after 20 s while the sign-in is in
 * use; the process that made the change forgets at once.
 *
 * The reads of one event-loop turn go to PostgreSQL together (one query for the sign-ins,
 * one for the accounts, whatever their number): under load most requests come from people
 * whose status is older than 30 s, and one pair of round trips per request was the API's
 * largest per-request cost after this check was added (issue #18's bench).
 */
@Injectable()
export class AccountStatusService {
  /** Keyed `userId|sid`. */
  private readonly active: LRUCache<string, boolean>;
  /** The keys of each user, to forget them all at once. */
  private readonly keysOfUser = new Map<string, Set<string>>();
  /** Reads asked for in this turn of the event loop, keyed like `active`, read together. */
  private readonly reads = new TurnBatch<StatusRead, boolean>(
    (reads) => this.readAll(reads),
    (r) => r.key,
  );
  /** Keys being read again in the background (at most one read each). */
  private readonly refreshing = new Set<string>();
  /**
   * When each user was last forgotten: a read that began before it must not put its answer
   * back (it may predate the deactivation). Kept as long as an answer is trusted.
   */
  private readonly forgottenAt: LRUCache<string, number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: UserAccountsService,
    @Optional() @Inject(STATUS_CLOCK) private readonly clock: StatusClock = performance,
  ) {
    // ttlResolution 0: ask the clock each time (lru-cache would otherwise keep one reading
    // for a millisecond, behind a timer, which a test's clock would not move).
    const timing = { ttl: STATUS_TTL_MS, perf: clock, ttlResolution: 0 };
    this.active = new LRUCache({ max: 200_000, ...timing });
    this.forgottenAt = new LRUCache({ max: 200_000, ...timing });
  }

  async isActive(userId: string, sessionId?: string): Promise<boolean> {
    const key = `${userId}|${sessionId ?? ''}`;
    const known = this.active.get(key);
    if (known !== undefined) {
      if (this.active.getRemainingTTL(key) < STATUS_TTL_MS - STATUS_REFRESH_AFTER_MS)
        this.refresh(key, userId, sessionId);
      return known;
    }
    return this.readAndKeep(key, userId, sessionId);
  }

  /** After a change to the account or its sign-ins: read again on the next request. */
  forget(userId: string): void {
    this.forgottenAt.set(userId, this.clock.now());
    for (const key of this.keysOfUser.get(userId) ?? []) this.active.delete(key);
    this.keysOfUser.delete(userId);
  }

  private refresh(key: string, userId: string, sessionId?: string): void {
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    // A failed background read changes nothing: the answer in hand ages out at its TTL.
    void this.readAndKeep(key, userId, sessionId)
      .catch(() => undefined)
      .finally(() => this.refreshing.delete(key));
  }

  private async readAndKeep(key: string, userId: string, sessionId?: string): Promise<boolean> {
    const began = this.clock.now();
    const ok = await this.reads.add({ key, userId, sessionId });
    if ((this.forgottenAt.get(userId) ?? -Infinity) >= began) return ok;
    this.active.set(key, ok);
    // Bounded: the index only serves forget(); a lost entry just waits for the TTL.
    if (this.keysOfUser.size > 200_000) this.keysOfUser.clear();
    const keys = this.keysOfUser.get(userId) ?? new Set<string>();
    this.keysOfUser.set(userId, keys.add(key));
    return ok;
  }

  /** One turn's reads: one query for the sign-ins and one for the accounts. */
  private async readAll(reads: StatusRead[]): Promise<boolean[]> {
    // Ids come from signed tokens; one malformed id must still not fail the others' query.
    const uuids = (ids: (string | undefined)[]) =>
      [...new Set(ids)].filter((id): id is string => !!id && UUID.test(id));
    const [liveSessions, activeUsers] = await Promise.all([
      this.liveSessions(uuids(reads.map((r) => r.sessionId))),
      this.accounts.activeAmong(uuids(reads.map((r) => r.userId))),
    ]);
    return reads.map((r) => {
      const signedIn = r.sessionId === undefined || liveSessions.has(r.sessionId);
      return signedIn && activeUsers.has(r.userId);
    });
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
