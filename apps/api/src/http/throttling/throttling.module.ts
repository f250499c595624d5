import { APP_CONFIG, AppConfig } from '@dx/config';
import { Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { REDIS } from '../../redis/redis.module';
import { FailOpenThrottlerStorage } from './fail-open-throttler-storage';
import { RATE_LIMIT, RateLimitName } from './rate-limit.guard';

/**
 * @nestjs/throttler with one named throttler per `config.rateLimits` entry (same limits,
 * same environment variables). A throttler counts only on the routes marked
 * `@RateLimit(<its name>)`; no route is limited by default.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => {
        const reflector = new Reflector();
        return {
          throttlers: (Object.keys(config.rateLimits) as RateLimitName[]).map((name) => ({
            name,
            limit: config.rateLimits[name].max,
            ttl: config.rateLimits[name].windowSeconds * 1000,
            skipIf: (ctx) =>
              reflector.getAllAndOverride<RateLimitName | undefined>(RATE_LIMIT, [
                ctx.getHandler(),
                ctx.getClass(),
              ]) !== name,
          })),
          storage: new FailOpenThrottlerStorage(redis),
          // Retry-After is set by RateLimitGuard (the library would name it Retry-After-<name>).
          setHeaders: false,
        };
      },
    }),
  ],
})
export class ThrottlingModule {}
