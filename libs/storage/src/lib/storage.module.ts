import { APP_CONFIG, AppConfig } from '@dx/config';
import { Global, Module } from '@nestjs/common';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** Provides `FILE_STORAGE`: the S3-protocol store of STORAGE_URL, else the STORAGE_DIR disk. */
@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.s3Storage ? new S3FileStorage(config.s3Storage) : new LocalFileStorage(config.storageDir),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
