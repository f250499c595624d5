import type { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TransactionPoolerClient } from './transaction-pooler-client';

export interface DbOptions {
  url: string;
  /** Connections per process; the API and the worker each have their own pool. */
  poolSize?: number;
  applicationName?: string;
  /** `transaction`: `url` is a PgBouncer in transaction mode (no named prepared statements). */
  poolMode?: 'direct' | 'transaction';
}

/** The one place that says how the API, the worker and the tools reach PostgreSQL. */
export function buildDataSourceOptions(opts: DbOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: opts.url,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: opts.applicationName ?? 'dx-academy',
    extra: {
      max: opts.poolSize ?? 10,
      ...(opts.poolMode === 'transaction' ? { Client: TransactionPoolerClient } : {}),
    },
  };
}
