import { APP_CONFIG, AppConfig } from '@dx/config';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './prepare-database';

/**
 * TypeORM connection for the API and the worker. Pending migrations run (under an
 * advisory lock) before the connection is handed out, so no module ever sees an old schema.
 */
@Module({})
export class DatabaseModule {
  static forRoot(opts: { applicationName: string; poolSize?: number }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            buildDataSourceOptions({ url: config.databaseUrl, ...opts }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
