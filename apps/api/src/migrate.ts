import 'reflect-metadata';
import { loadAppConfig } from '@dx/config';
import { buildDataSourceOptions, runMigrationsLocked } from '@dx/db';
import { DataSource } from 'typeorm';

/**
 * Applies pending migrations and exits: the Kubernetes migration Job runs this before a
 * rollout, so new pods start on the new schema (API processes would also migrate at start,
 * under the same lock; the Job makes a failing migration stop the rollout instead).
 * Straight to PostgreSQL (DATABASE_DIRECT_URL): the lock is a session lock.
 */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const db = await new DataSource(
    buildDataSourceOptions({
      url: config.database.directUrl,
      applicationName: 'dx-migrate',
      poolSize: 2,
    }),
  ).initialize();
  try {
    await runMigrationsLocked(db);
    const pending = await db.showMigrations();
    console.log(pending ? 'Migrations still pending' : 'Schema up to date');
    process.exitCode = pending ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  // One line: the Job's log is what the operator reads.
  console.error(`Migration failed: ${(err as Error).message}`);
  process.exit(1);
});
