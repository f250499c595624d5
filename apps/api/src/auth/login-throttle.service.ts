import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable } from '@nestjs/common';
import { tooManyRequests } from '../http/too-many-requests';
import { RateLimiter } from './rate-limiter.service';

/**
 * Counts failed sign-ins per username and per client address. Past the limit, sign-in
 * answers 429 until the window ends; a success clears the username's counter.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string): [string, string] {
    return [`login-fail:user:${username}`, `login-fail:ip:${ip}`];
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const [userKey, ipKey] = this.keys(username, ip);
    const [byUser, byIp] = await this.limiter.counts([userKey, ipKey]);
    const { maxFailures } = this.config.login;
    // An address may carry a whole office behind NAT: give it more room than one account.
    const blocking = [byUser >= maxFailures && userKey, byIp >= maxFailures * 10 && ipKey];
    const closed = blocking.filter((k): k is string => Boolean(k));
    if (closed.length > 0) {
      // How long until sign-in opens again, so the page can say it.
      const wait = await this.limiter.secondsLeft(closed);
      throw tooManyRequests('Too many failed sign-ins; try again later', wait);
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await this.limiter.increment(this.keys(username, ip), this.config.login.failureWindowSeconds);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.limiter.reset(this.keys(username, '')[0]);
  }
}
