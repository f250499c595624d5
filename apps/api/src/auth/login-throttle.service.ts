import { APP_CONFIG, AppConfig } from '@dx/config';
import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';

/**
 * Counts failed sign-ins per username and per client address in Redis (shared by every
 * API process). Past the limit, sign-in answers 429 until the window expires; a success
 * clears the username's counter. If Redis is away, sign-in still works (fail open) —
 * locking every civil servant out because a cache is down would be worse.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string): string[] {
    return [`login-fail:user:${username}`, `login-fail:ip:${ip}`];
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const counts = await this.safe(() => this.redis.mget(...this.keys(username, ip)), [null, null]);
    const [byUser, byIp] = counts.map((c) => Number(c ?? 0));
    const { maxFailures } = this.config.login;
    // An address may carry a whole office behind NAT: give it more room than one account.
    if (byUser >= maxFailures || byIp >= maxFailures * 10) {
      throw new HttpException(
        { message: 'Too many failed sign-ins; try again later', errors: [] },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const ttl = this.config.login.failureWindowSeconds;
    await this.safe(async () => {
      const tx = this.redis.multi();
      for (const key of this.keys(username, ip)) tx.incr(key).expire(key, ttl);
      await tx.exec();
    }, undefined);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.safe(() => this.redis.del(this.keys(username, '')[0]), 0);
  }

  private async safe<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.logger.warn(`Login throttling unavailable: ${(err as Error).message}`);
      return fallback;
    }
  }
}
