import { APP_CONFIG, AppConfig } from '@dx/config';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions, SERVICE_POOL_IDLE_MS } from './data-source-options';
import { runMigrationsLocked } from './prepare-database';
import { ReadReplica, readReplicaProvider, ReplicaDataSourceCloser } from './read-replica';

/**
 * Start-up budget when PostgreSQL is away: each try gives up after CONNECT_TIMEOUT_MS (a
 * server that accepts but never answers would otherwise hold the start for ever), and
 * after RETRIES more tries the process exits with "Unable to connect to the database" —
 * about 11 s in the worst case, where TypeORM's defaults (9 retries, 3 s apart, no
 * timeout) took 30 s for a refused connection and hung on a silent one (trust suite,
 * apps/api/src/trust/faults-postgres.ha.spec.ts). 3 s is ample for a server that is up, even
 * across a network, and leaves the start-up budget room on a loaded machine.
 */
const CONNECT_TIMEOUT_MS = 3_000;
const RETRIES = 2;
const RETRY_DELAY_MS = 1_000;

/** One connection with a deadline, so a silent server fails the attempt instead of hanging it. */
async function probe(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Migrations hold a session-level lock, which a transaction pooler cannot keep on one
 * server connection: behind PgBouncer they run on a short-lived pool of their own
 * straight to PostgreSQL (DATABASE_DIRECT_URL).
 */
async function migrate(dataSource: DataSource, config: AppConfig): Promise<void> {
  if (config.database.poolMode !== 'transaction') return runMigrationsLocked(dataSource);
  const direct = await new DataSource({
    ...(dataSource.options as DataSourceOptions),
    url: config.database.directUrl,
    extra: { max: 2 },
  } as DataSourceOptions).initialize();
  try {
    await runMigrationsLocked(direct);
  } finally {
    await direct.destroy();
  }
}

/**
 * TypeORM connection for the API and the worker. Pending migrations run (under an
 * advisory lock) before the connection is handed out, so no module ever sees an old schema.
 * Also offers `ReadReplica` (DATABASE_REPLICA_URL) to every module.
 */
@Module({})
export class DatabaseModule {
  static forRoot(opts: { applicationName: string; poolSize?: number }): DynamicModule {
    let config: AppConfig;
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => {
            config = c;
            return {
              ...buildDataSourceOptions({
                url: c.databaseUrl,
                poolMode: c.database.poolMode,
                idleTimeoutMs: SERVICE_POOL_IDLE_MS,
                ...opts,
              }),
              retryAttempts: RETRIES,
              retryDelay: RETRY_DELAY_MS,
            };
          },
          dataSourceFactory: async (options) => {
            await probe((options as { url: string }).url);
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            await migrate(dataSource, config);
            return dataSource;
          },
        }),
      ],
      providers: [readReplicaProvider(opts), ReplicaDataSourceCloser],
      exports: [ReadReplica],
    };
  }
}
