import { APP_CONFIG, AppConfig } from '@dx/config';
import { Logger, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KeyRing } from './key-ring';

/** The key ring, opened once per process (API and worker) after the migrations ran. */
export const keyRingProvider: Provider = {
  provide: KeyRing,
  inject: [getDataSourceToken(), APP_CONFIG],
  useFactory: (db: DataSource, config: AppConfig) =>
    KeyRing.open(db, {
      configuredPem: config.certSigningKeyPem,
      warn: (message) => new Logger('CertificateKeyRing').warn(message),
    }),
};
