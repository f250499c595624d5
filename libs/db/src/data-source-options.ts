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
  /** How long an unused pooled connection is kept (pg's default: 10 s). */
  idleTimeoutMs?: number;
}

/**
 * The API's and the worker's pools keep an unused connection for 5 minutes. With pg's 10 s,
 * every lull closed the connections a busier moment had opened, and the next burst waited
 * for new ones: a backend's start plus its first statements on cold caches, up to 107 ms of
 * waiting for a pooled connection in the seconds where the open-loop bench was slowest
 * (issue #20). The pool's size (`poolSize`) still bounds them; behind PgBouncer an idle
 * client connection holds no server connection.
 */
export const SERVICE_POOL_IDLE_MS = 300_000;

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
      ...(opts.idleTimeoutMs !== undefined && { idleTimeoutMillis: opts.idleTimeoutMs }),
      ...(opts.poolMode === 'transaction' ? { Client: TransactionPoolerClient } : {}),
    },
  };
}
