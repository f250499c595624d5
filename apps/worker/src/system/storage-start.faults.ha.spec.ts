import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { S3TestServer } from '@dx/testing';
import { runWorkerUntilExit } from '../test/worker-process';

jest.setTimeout(120_000);

describe('worker start with a STORAGE_URL naming a bucket the store does not have', () => {
  let databaseUrl: string;
  let s3: S3TestServer;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_worker_storage_start');
    s3 = await S3TestServer.start('dx-worker-files');
  });
  afterAll(async () => {
    await s3?.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('stops with one line naming STORAGE_URL, the bucket and the endpoint, and no key', async () => {
    const { code, output } = await runWorkerUntilExit({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'x'.repeat(40),
      QUEUE_PREFIX: 'dxtest-storage-start',
      STORAGE_URL: s3.storageUrl().replace('dx-worker-files', 'dx-no-such-bucket'),
    });
    expect(code).toBe(1);
    const lines = output.split('\n').filter((l) => l.includes('STORAGE_URL'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `STORAGE_URL: bucket "dx-no-such-bucket" at ${s3.endpoint} cannot be used: no such bucket (404)`,
    );
    expect(output).not.toContain('S3RVER:');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
