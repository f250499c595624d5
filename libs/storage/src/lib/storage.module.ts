import { APP_CONFIG, AppConfig } from '@dx/config';
import { Global, Module } from '@nestjs/common';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';
import { checkStorageAtStart } from './storage-start-check';

/**
 * Provides `FILE_STORAGE`: the S3-protocol store of STORAGE_URL, else the STORAGE_DIR disk.
 * A store that cannot be used stops the start (API and worker) with one line.
 */
@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        if (!config.s3Storage) return new LocalFileStorage(config.storageDir);
        await checkStorageAtStart(config.s3Storage);
        return new S3FileStorage(config.s3Storage);
      },
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
