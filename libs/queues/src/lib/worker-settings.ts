import { APP_CONFIG, AppConfig } from '@dx/config';
// Where `@Processor()` keeps its worker options; @nestjs/bullmq does not re-export the key.
import { WORKER_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import type { FactoryProvider } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';

type Settings = Partial<Omit<WorkerOptions, 'connection'>>;

/**
 * Worker options of a processor taken from the validated config rather than read from
 * `process.env` in its decorator (evaluated at load, before any validation). Nest builds
 * every provider before @nestjs/bullmq starts the workers (its onModuleInit), so options set
 * here are the ones the worker is created with. List the provider beside the processor.
 */
export function workerSettingsFromConfig(
  processor: object,
  settings: (config: AppConfig) => Settings,
): FactoryProvider {
  return {
    provide: Symbol(`worker settings of ${(processor as { name?: string }).name ?? 'processor'}`),
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const fromDecorator: Settings = Reflect.getMetadata(WORKER_METADATA, processor) ?? {};
      const merged = { ...fromDecorator, ...settings(config) };
      Reflect.defineMetadata(WORKER_METADATA, merged, processor);
      return merged;
    },
  };
}

/** The lock settings every long-running processor shares (QUEUE_LOCK_DURATION_MS). */
export const lockSettings = (config: AppConfig): Settings => ({
  lockDuration: config.queueLockDurationMs,
  stalledInterval: config.queueLockDurationMs,
});
