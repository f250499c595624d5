import { AppConfig, loadAppConfig, redisOptionsFromUrl } from '@dx/config';
import { PingJobData, PingJobResult, QueueName, SystemJob } from '@dx/contracts';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { hostname } from 'node:os';
import { WorkerModule } from '../worker.module';

// Boots the real worker against the real PostgreSQL and Redis, on a prefix of its own.
const FINISH_MS = 10_000;

describe('system queue (worker against real Redis and PostgreSQL)', () => {
  const prefix = `dxtest-${randomSuffix()}`;
  let databaseUrl: string;
  let config: AppConfig;
  let app: INestApplicationContext | undefined;
  let queue: Queue<PingJobData, PingJobResult>;
  let events: QueueEvents;

  const ping = (requestedBy: string): PingJobData => ({
    requestedBy,
    requestedAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_worker');
    config = loadAppConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: 'x'.repeat(40),
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
      abortOnError: false,
    });
    const connection = { url: config.redisUrl, maxRetriesPerRequest: null };
    queue = new Queue(QueueName.System, { connection, prefix });
    events = new QueueEvents(QueueName.System, { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    try {
      await app?.close();
      await events?.close();
      await queue?.obliterate({ force: true });
      await queue?.close();
    } finally {
      if (databaseUrl) await dropTestDatabase(databaseUrl);
    }
    const redis = new Redis(redisOptionsFromUrl(config.redisUrl));
    try {
      // Other queues' workers leave their bookkeeping keys; the system queue must be gone.
      const leftovers = await redis.keys(`${prefix}:*`);
      if (leftovers.length > 0) await redis.del(...leftovers);
      expect(leftovers.filter((k) => k.startsWith(`${prefix}:${QueueName.System}:`))).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('answers a ping with pong, naming the worker process', async () => {
    const job = await queue.add(SystemJob.Ping, ping('tester'));
    const result = await job.waitUntilFinished(events, FINISH_MS);
    expect(result).toEqual({
      pong: true,
      worker: `${hostname()}:${process.pid}`,
      processedAt: expect.any(String),
    });
    expect(Date.parse(result.processedAt)).toBeGreaterThanOrEqual(Date.parse(job.data.requestedAt));
  });

  it('processes a jobId once, however often it is added', async () => {
    const opts = { jobId: `ping-${randomSuffix()}` };
    const [first, second] = await Promise.all([
      queue.add(SystemJob.Ping, ping('first'), opts),
      queue.add(SystemJob.Ping, ping('second'), opts),
    ]);
    const result = await first.waitUntilFinished(events, FINISH_MS);
    const late = await queue.add(SystemJob.Ping, ping('late'), opts);

    expect([second.id, late.id]).toEqual([first.id, first.id]);
    const stored = await queue.getJob(opts.jobId);
    expect(stored?.data.requestedBy).toBe('first');
    expect(stored?.returnvalue).toEqual(result);
    expect(stored?.attemptsMade).toBe(1);
  });

  it('fails a job name it has no handler for, at once and without retries', async () => {
    const jobId = `typo-${randomSuffix()}`;
    const job = await queue.add('pnig' as SystemJob, ping('typo'), { jobId, attempts: 5 });
    await expect(job.waitUntilFinished(events, FINISH_MS)).rejects.toThrow(
      'No handler for job "pnig"',
    );
    const stored = await queue.getJob(jobId);
    expect(await stored?.getState()).toBe('failed');
    expect(stored?.attemptsMade).toBe(1);
  });
});
