import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable } from '@nestjs/common';
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
    const { maxFailures } = this.config.login;
    // An address may carry a whole office behind NAT: give it more room than one account.
    await this.limiter.assertUnder(
      { [userKey]: maxFailures, [ipKey]: maxFailures * 10 },
      'Too many failed sign-ins; try again later',
    );
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await this.limiter.increment(this.keys(username, ip), this.config.login.failureWindowSeconds);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.limiter.reset(this.keys(username, '')[0]);
  }
}
