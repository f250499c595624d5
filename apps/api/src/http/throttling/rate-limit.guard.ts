import { AppConfig } from '@dx/config';
import {
  applyDecorators,
  ExecutionContext,
  Injectable,
  SetMetadata,
  Type,
  UseGuards,
} from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuthUser } from '../../auth/auth-user';
import { tooManyRequests } from '../too-many-requests';

export type RateLimitName = keyof AppConfig['rateLimits'];
export const RATE_LIMIT = 'dx:rateLimit';

/**
 * Limits how often one caller may call a route (`config.rateLimits[name]`, counted by
 * @nestjs/throttler in Redis); beyond it, 429 in the contract's shape with the wait.
 * On a handler it runs after the global AuthGuard, before any upload is read. Routes (or a
 * controller) marked with the same name share one budget per caller. `guard`: a subclass
 * that does more (the public endpoints' CORS header and audit).
 */
export const RateLimit = (name: RateLimitName, guard: Type<RateLimitGuard> = RateLimitGuard) =>
  applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(guard));

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** A signed-in person is counted as themself, anyone else by client address. */
  protected override async getTracker(req: Request & { user?: AuthUser }): Promise<string> {
    return req.user ? `user:${req.user.id}` : `ip:${req.ip ?? 'unknown'}`;
  }

  /** Per limit and caller, not per route: one budget across the routes sharing a name. */
  protected override generateKey(_ctx: ExecutionContext, tracker: string, name: string): string {
    return `rate:${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    _ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw tooManyRequests('Too many requests; try again later', detail.timeToBlockExpire);
  }
}
