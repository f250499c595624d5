import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options';
import { createTestDatabase, dropTestDatabase } from '../testing';

describe('migrations', () => {
  let url: string;
  let ds: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase('dx_migr');
    ds = await new DataSource(buildDataSourceOptions({ url, poolSize: 2 })).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await dropTestDatabase(url);
  });

  it('leave nothing for the entities to change (a schema change always comes with a migration)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be reverted to an empty schema and applied again', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
  });
});
