export * from './lib/env.schema';
export * from './lib/app-config';
export * from './lib/app-config.module';
export * from './lib/redis-options';
export * from './lib/storage-url';
