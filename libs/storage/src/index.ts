export * from './lib/attachment-disposition';
export * from './lib/file-storage';
export * from './lib/local-file-storage';
export * from './lib/s3-file-storage';
export * from './lib/storage-start-check';
export * from './lib/storage-unavailable.error';
export * from './lib/storage.module';
export * from './lib/write-stored-file';
