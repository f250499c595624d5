import { AppConfig, loadAppConfig } from '@dx/config';
import { buildDataSourceOptions, CertificateEntity, CertificateEventEntity } from '@dx/db';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { eventually, freePort, requestCertificates, startRedis, stopped } from '@dx/testing';
import { startWorkerProcess } from '../test/worker-process';
import { WorkerModule } from '../worker.module';

jest.setTimeout(90_000);

describe('certificate issuance under faults', () => {
  let databaseUrl: string;
  let db: DataSource;
  const storageDir = mkdtempSync(join(tmpdir(), 'dx-worker-faults-'));
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_worker_faults');
    db = await new DataSource(
      buildDataSourceOptions({ url: databaseUrl, poolSize: 4 }),
    ).initialize();
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map(stopped));
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const issuedCount = (ids: string[]) =>
    db.getRepository(CertificateEntity).countBy({ id: In(ids), status: 'issued' });

  it('keeps requests while Redis is down and issues them when it returns', async () => {
    const port = await freePort();
    let redis = startRedis(port);
    children.push(redis);
    const config: AppConfig = loadAppConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      QUEUE_PREFIX: `dxtest-${randomSuffix()}`,
      JWT_SECRET: 'x'.repeat(40),
      STORAGE_DIR: storageDir,
      LOG_LEVEL: 'error',
    });
    await new Promise((r) => setTimeout(r, 300));
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config),
      {
        logger: false,
        abortOnError: false,
      },
    );
    try {
      redis.kill('SIGKILL');
      await stopped(redis);

      // What learners' completions leave behind while Redis is away: nothing fails for them.
      const { certificates } = await requestCertificates(db, 5);
      const ids = certificates.map((c) => c.id);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await issuedCount(ids)).toBe(0);
      const waiting = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
      expect(waiting[0].n).toBe(5);

      redis = startRedis(port);
      children.push(redis);
      await eventually(async () => (await issuedCount(ids)) === 5, 45_000);
      const unsent = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
      expect(unsent[0].n).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('loses and doubles nothing when a worker is killed while issuing', async () => {
    const env = {
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `dxtest-${randomSuffix()}`,
      JWT_SECRET: 'x'.repeat(40),
      STORAGE_DIR: storageDir,
      // A crashed worker's jobs are handed on after 2 s instead of 30 s.
      QUEUE_LOCK_DURATION_MS: '2000',
    };
    const { certificates } = await requestCertificates(db, 30);
    const ids = certificates.map((c) => c.id);

    const first = startWorkerProcess(env);
    children.push(first);
    await eventually(async () => (await issuedCount(ids)) >= 3, 60_000, 50);
    first.kill('SIGKILL'); // mid-batch: jobs are active, some certificates half done
    await stopped(first);
    const issuedBeforeCrash = await issuedCount(ids);
    expect(issuedBeforeCrash).toBeLessThan(30);

    const second = startWorkerProcess(env);
    children.push(second);
    await eventually(async () => {
      const done = await db.getRepository(CertificateEntity).findBy({ id: In(ids) });
      return done.every((c) => c.status === 'issued' && c.pdfKey !== null);
    }, 60_000);

    const done = await db.getRepository(CertificateEntity).findBy({ id: In(ids) });
    const numbers = done.map((c) => Number(c.serial?.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(30);
    expect(numbers[29] - numbers[0]).toBe(29);
    expect(
      await db
        .getRepository(CertificateEventEntity)
        .countBy({ certificateId: In(ids), type: 'issued' }),
    ).toBe(30);
    for (const c of done) expect(existsSync(join(storageDir, c.pdfKey as string))).toBe(true);
    second.kill('SIGTERM');
    await stopped(second);
  });
});
