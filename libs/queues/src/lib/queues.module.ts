import { APP_CONFIG, AppConfig, redisConnectionOptions } from '@dx/config';
import { QueueName } from '@dx/contracts';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QUEUE_ERRORS_LISTENER } from './queue-errors.listener';
import { checkSentinelsAtStart } from './sentinel-check';

/**
 * BullMQ on the configured Redis, with every queue of `QueueName` registered. The key
 * prefix (`QUEUE_PREFIX`) lets several instances, or test runs, share one Redis.
 */
@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueuesModule,
      // Global: any feature module can @InjectQueue without registering queues again.
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            await checkSentinelsAtStart(config);
            return {
              prefix: config.queuePrefix,
              // BullMQ workers block on Redis: they must retry forever rather than fail a command.
              connection: { ...redisConnectionOptions(config), maxRetriesPerRequest: null },
              defaultJobOptions: {
                attempts: 5,
                backoff: { type: 'exponential', delay: 2_000 },
                removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
                removeOnFail: { age: 30 * 24 * 3600 },
              },
            };
          },
        }),
        queues,
      ],
      providers: [QUEUE_ERRORS_LISTENER],
      exports: [queues],
    };
  }
}
