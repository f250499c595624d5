import { PingJobData, PingJobResult, QueueName } from '@dx/contracts';
import { UnrecoverableError, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import type { PingJobStatus } from './system.controller';

describe('system ping', () => {
  let t: TestApp;
  let admin: string;
  let failingAdmin: string;
  let learner: string;

  beforeAll(async () => {
    t = await createTestApp();
    const root = await t.make.unit();
    admin = await t.tokenFor((await t.make.user(root, { roles: ['sysadmin'] })).username);
    failingAdmin = await t.tokenFor(
      (await t.make.user(root, { roles: ['sysadmin'], username: `fail.${randomUUID()}` })).username,
    );
    learner = await t.tokenFor((await t.make.user(root)).username);
  });
  afterAll(() => t.close());

  const status = (jobId: string) =>
    t.http.get(`/api/system/ping/${jobId}`).set('Authorization', admin);

  /** Polls the API until the job leaves waiting/active (bounded: fails after 10 s). */
  async function settled(jobId: string): Promise<PingJobStatus> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const res = await status(jobId).expect(200);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`ping ${jobId} did not finish within 10 s`);
  }

  it('queues a ping (202) that waits until a worker answers, then shows the answer', async () => {
    const res = await t.http.post('/api/system/ping').set('Authorization', admin).expect(202);
    expect(res.body).toEqual({ jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await status(res.body.jobId).expect(200)).body).toEqual({ state: 'waiting' });

    const failed = await t.http
      .post('/api/system/ping')
      .set('Authorization', failingAdmin)
      .expect(202);

    // A stand-in for the worker app (which the API must not import): a real BullMQ worker
    // on the same Redis and prefix.
    const worker = new Worker<PingJobData, PingJobResult>(
      QueueName.System,
      async (job) => {
        if (job.data.requestedBy.startsWith('fail.'))
          throw new UnrecoverableError('worker says no');
        return { pong: true, worker: 'spec', processedAt: new Date().toISOString() };
      },
      {
        connection: { url: t.config.redisUrl, maxRetriesPerRequest: null },
        prefix: t.config.queuePrefix,
      },
    );
    try {
      expect(await settled(res.body.jobId)).toEqual({
        state: 'completed',
        result: { pong: true, worker: 'spec', processedAt: expect.any(String) },
      });
      // Unrecoverable, so the job fails at once instead of retrying with backoff.
      expect(await settled(failed.body.jobId)).toEqual({
        state: 'failed',
        error: 'worker says no',
      });
    } finally {
      await worker.close();
    }
  });

  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    await status(randomUUID()).expect(404);
    const bad = await status('42').expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'jobId', code: 'is_uuid', message: 'jobId must be a UUID' },
    ]);
  });

  it('is for sysadmins only', async () => {
    await t.http.post('/api/system/ping').expect(401);
    await t.http.post('/api/system/ping').set('Authorization', learner).expect(403);
    await t.http.get(`/api/system/ping/${randomUUID()}`).set('Authorization', learner).expect(403);
  });
});
