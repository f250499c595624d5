import { APP_CONFIG, AppConfig } from '@dx/config';
import { ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { RateLimitGuard } from '../http/throttling/rate-limit.guard';

/**
 * For the public certificate endpoints (marked `@RateLimit('publicLookup')`): open to
 * every origin (browser wallets and employers' pages read them; they carry no credentials),
 * and limited per client address so that the register cannot be harvested serial by serial.
 * Past the limit: 429. The audit log gets one entry per address and window that hit the
 * limit (an aggregate, not one per request: a harvesting run would otherwise flood it).
 */
@Injectable()
export class PublicRateLimitGuard extends RateLimitGuard {
  private readonly auditLogger = new Logger(PublicRateLimitGuard.name);

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    // Set before the limit, so a browser also reads the 429.
    ctx.switchToHttp().getResponse<Response>().setHeader('Access-Control-Allow-Origin', '*');
    return super.canActivate(ctx);
  }

  protected override async throwThrottlingException(
    ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const limit = this.config.rateLimits.publicLookup;
    // The first refused request of a window; later ones in the same block are not audited.
    if (detail.totalHits === detail.limit + 1) {
      const ip = ctx.switchToHttp().getRequest<{ ip?: string }>().ip ?? 'unknown';
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
        .catch((err: Error) =>
          this.auditLogger.warn(`Audit of a rate limit failed: ${err.message}`),
        );
    }
    return super.throwThrottlingException(ctx, detail);
  }
}
