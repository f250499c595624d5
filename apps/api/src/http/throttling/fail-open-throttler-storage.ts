import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottledWarning } from '@dx/queues';
import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The maintained Redis storage of @nestjs/throttler (fixed windows shared by every API
 * process), failing open: if Redis is away, requests pass and the log says so, since
 * locking every civil servant out because a cache is down would be worse.
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage {
  private readonly inner: ThrottlerStorageRedisService;
  private readonly warning = new ThrottledWarning(new Logger('RateLimit'));

  constructor(redis: Redis) {
    this.inner = new ThrottlerStorageRedisService(redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      return await this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (err) {
      this.warning.warn(`Rate limiting unavailable: ${(err as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
