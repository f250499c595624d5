import { APP_CONFIG, AppConfig } from '@dx/config';
import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { RateLimiter, tooManyRequests } from '../auth/rate-limiter.service';

/**
 * For the public certificate endpoints: open to every origin (browser wallets and
 * employers' pages read them; they carry no credentials), and limited per client address
 * so that the register cannot be harvested serial by serial. Past the limit: 429. The
 * audit log gets one entry per address and window that hit the limit (an aggregate, not
 * one per request: a harvesting run would otherwise flood it).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly logger = new Logger(PublicRateLimitGuard.name);

  constructor(
    private readonly limiter: RateLimiter,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    // Set before the limit, so a browser also reads the 429.
    res.setHeader('Access-Control-Allow-Origin', '*');
    const limit = this.config.rateLimits.publicLookup;
    const ip = req.ip ?? 'unknown';
    const key = `rate:public:${this.config.queuePrefix}:${ip}`;
    const [count] = await this.limiter.increment([key], limit.windowSeconds);
    if (count <= limit.max) return true;
    if (count === limit.max + 1) {
      await this.db
        .transaction((tx) =>
          recordAudit(tx, {
            action: 'certificate.public_rate_limited',
            targetType: 'client_address',
            targetId: null,
            details: { ip, max: limit.max, windowSeconds: limit.windowSeconds },
            actor: null,
          }),
        )
        .catch((err: Error) => this.logger.warn(`Audit of a rate limit failed: ${err.message}`));
    }
    res.setHeader('Retry-After', String(limit.windowSeconds));
    // Same shape and status as every other limit of the API.
    throw tooManyRequests('Too many requests; try again later', limit.windowSeconds);
  }
}
