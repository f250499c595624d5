export * from './lib/queues.module';
export * from './lib/queue-errors.listener';
export * from './lib/sentinel-check';
export * from './lib/job-handler';
export * from './lib/worker-settings';
