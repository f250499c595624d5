import { buildDataSourceOptions } from '@dx/db';
import { DataSource, EntityManager, Logger } from 'typeorm';

/** One SQL statement as the app sends it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Records the statements TypeORM sends while `sink` is set. */
class CaptureLogger implements Logger {
  sink: Statement[] | null = null;

  logQuery(query: string, parameters?: unknown[]): void {
    if (this.sink && !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET )/i.test(query.trim())) {
      this.sink.push({ sql: query, params: parameters ?? [] });
    }
  }
  logQueryError(): void {
    // not captured
  }
  logQuerySlow(): void {
    // not captured
  }
  logSchemaBuild(): void {
    // not captured
  }
  logMigration(): void {
    // not captured
  }
  log(): void {
    // not captured
  }
}

/**
 * A DataSource configured like the app's (same entities and naming) that can record what
 * the app's own repository calls and query builders send. Calls run inside a transaction
 * that is rolled back, so capturing a write changes nothing.
 */
export class StatementCapture {
  private readonly logger = new CaptureLogger();
  readonly ds: DataSource;

  constructor(url: string) {
    this.ds = new DataSource({
      ...buildDataSourceOptions({ url, poolSize: 2, applicationName: 'dx-bench-explain' }),
      logging: ['query'],
      logger: this.logger,
    });
  }

  init(): Promise<DataSource> {
    return this.ds.initialize();
  }

  async capture(fn: (m: EntityManager) => Promise<unknown>): Promise<Statement[]> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    const sink: Statement[] = [];
    try {
      await runner.startTransaction();
      this.logger.sink = sink;
      await fn(runner.manager);
    } finally {
      this.logger.sink = null;
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
    return sink;
  }

  close(): Promise<void> {
    return this.ds.destroy();
  }
}
