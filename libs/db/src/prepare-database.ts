import type { DataSource } from 'typeorm';

/** Arbitrary but fixed key: every process of the app serialises schema changes on it.
 * The lock is held on its own connection, so the pool needs at least two. */
const MIGRATION_LOCK_KEY = 7_311_690;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so any number of API
 * and worker processes can start at once and exactly one of them migrates.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
