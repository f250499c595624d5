import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions, SERVICE_POOL_IDLE_MS } from '../data-source-options';
import { ReadReplica } from './read-replica';

/** Closes the replica's pool with the application. */
@Injectable()
export class ReplicaDataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(ReadReplica) private readonly replica: ReadReplica & { source?: DataSource },
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.replica.source?.isInitialized) await this.replica.source.destroy();
  }
}

/**
 * `ReadReplica` for DATABASE_REPLICA_URL. A replica that cannot be reached at start
 * stops the process with one line (a wrong URL should not pass unnoticed as "reads go to
 * the primary"); once running, a replica that goes away only sends reads to the primary.
 */
export function readReplicaProvider(opts: {
  applicationName: string;
  poolSize?: number;
}): Provider {
  return {
    provide: ReadReplica,
    inject: [APP_CONFIG, getDataSourceToken()],
    useFactory: async (config: AppConfig, primary: DataSource) => {
      const settings = config.database.replica;
      if (!settings) return new ReadReplica(primary, null);
      const options = buildDataSourceOptions({
        url: settings.url,
        applicationName: `${opts.applicationName}-replica`,
        poolSize: opts.poolSize,
        poolMode: config.database.poolMode,
        idleTimeoutMs: SERVICE_POOL_IDLE_MS,
      });
      const source = new DataSource({
        ...options,
        migrations: [],
        // Added to, not replacing, the pool settings (behind PgBouncer: its pooler client).
        extra: { ...options.extra, connectionTimeoutMillis: 2_000 },
      } as DataSourceOptions);
      try {
        await source.initialize();
        await source.query('SELECT 1');
      } catch (err) {
        throw new Error(`DATABASE_REPLICA_URL is unreachable: ${(err as Error).message}`);
      }
      const replica = new ReadReplica(primary, source, {
        maxLagSeconds: settings.maxLagSeconds,
        reportWaitMs: settings.waitMs,
      });
      return Object.assign(replica, { source });
    },
  };
}
