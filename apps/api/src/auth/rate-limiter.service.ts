import { ThrottledWarning } from '@dx/queues';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { tooManyRequests } from '../http/too-many-requests';
import { REDIS } from '../redis/redis.module';

/**
 * Counters of failed attempts (sign-in, second-factor codes, reset tokens), read before an
 * attempt, raised on failure and cleared on success: what @nestjs/throttler, which only
 * counts requests, does not offer. Route limits use `@RateLimit` (http/throttling) instead.
 * Fixed windows in Redis, shared by every API process: a window opens with the
 * first hit and its counter vanishes when it ends. If Redis is away the limiter fails
 * open — locking every civil servant out because a cache is down would be worse — and
 * says so in the log.
 */
@Injectable()
export class RateLimiter {
  private readonly warning = new ThrottledWarning(new Logger(RateLimiter.name));

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async counts(keys: string[]): Promise<number[]> {
    const values = await this.safe(
      () => this.redis.mget(...keys),
      keys.map(() => null),
    );
    return values.map((c) => Number(c ?? 0));
  }

  /**
   * Before an attempt: 429 when a counter has reached its limit (`limits`: key → most
   * failures allowed), saying how long until the last closed window ends.
   */
  async assertUnder(limits: Record<string, number>, message: string): Promise<void> {
    const keys = Object.keys(limits);
    const counts = await this.counts(keys);
    const closed = keys.filter((key, i) => counts[i] >= limits[key]);
    if (closed.length > 0) throw tooManyRequests(message, await this.secondsLeft(closed));
  }

  /** Seconds until the last of `keys` ends its window (0 when none is open). */
  async secondsLeft(keys: string[]): Promise<number> {
    const ttls = await this.safe(() => Promise.all(keys.map((k) => this.redis.ttl(k))), []);
    return Math.max(0, ...ttls);
  }

  /** Adds one to each key; a key's window starts at its first hit. */
  async increment(keys: string[], windowSeconds: number): Promise<number[]> {
    return this.safe(
      async () => {
        const tx = this.redis.multi();
        for (const key of keys) tx.set(key, 0, 'EX', windowSeconds, 'NX').incr(key);
        const replies = (await tx.exec()) ?? [];
        return keys.map((_, i) => Number(replies[i * 2 + 1]?.[1] ?? 0));
      },
      keys.map(() => 0),
    );
  }

  async reset(key: string): Promise<void> {
    await this.safe(() => this.redis.del(key), 0);
  }

  private async safe<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.warning.warn(`Rate limiting unavailable: ${(err as Error).message}`);
      return fallback;
    }
  }
}
