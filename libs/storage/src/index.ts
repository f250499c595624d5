export * from './lib/file-storage';
export * from './lib/local-file-storage';
export * from './lib/storage.module';
