import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AuthUser } from './auth-user';
import { RateLimiter } from './rate-limiter.service';

type LimitName = keyof AppConfig['rateLimits'];
const RATE_LIMIT = 'rateLimit';

/**
 * Limits how often one user may call an expensive route (`config.rateLimits[name]`);
 * beyond it, 429 with a Retry-After header. It runs after the global AuthGuard, before
 * any upload is read.
 */
export const RateLimit = (name: LimitName) =>
  applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<LimitName | undefined>(RATE_LIMIT, ctx.getHandler());
    if (!name) return true;
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser }>();
    const who = req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
    try {
      await this.limiter.consume(
        `rate:${name}:${who}`,
        this.config.rateLimits[name],
        'Too many requests; try again later',
      );
    } catch (err) {
      const retry = (err as { getResponse?: () => { retryAfterSeconds?: number } }).getResponse?.()
        .retryAfterSeconds;
      if (retry) http.getResponse<Response>().setHeader('Retry-After', String(retry));
      throw err;
    }
    return true;
  }
}
