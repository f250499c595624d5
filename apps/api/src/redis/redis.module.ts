import { ThrottledWarning } from '@dx/queues';
import { APP_CONFIG, AppConfig, redisConnectionOptions } from '@dx/config';
import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

/**
 * A plain Redis client for short commands (health, login throttling). It fails fast
 * instead of queueing commands while Redis is away, so a request never hangs on it.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis({
          ...redisConnectionOptions(config),
          keyPrefix: `${config.queuePrefix}:api:`,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2_000,
          retryStrategy: (times) => Math.min(times * 200, 2_000),
        });
        // Without a listener ioredis prints every failed reconnect; health reports it instead.
        const warning = new ThrottledWarning(new Logger('Redis'));
        redis.on('error', (err) => warning.warn(`Redis unavailable: ${err.message}`));
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
