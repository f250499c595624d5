import { QueueName } from '@dx/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { randomSuffix } from '@dx/db/testing';
import { Queue, Worker } from 'bullmq';
import { createTestApp, TestApp } from '../test/test-app';

describe('queue dashboard (sysadmin)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    // A queue prefix of its own: the failing worker below must not touch other specs' jobs.
    t = await createTestApp({ QUEUE_PREFIX: `dxtest-dash-${randomSuffix()}` });
    const unit = await t.make.unit();
    admin = await t.tokenFor((await t.make.user(unit, { roles: ['sysadmin'] })).username);
  });
  afterAll(async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.System), { strict: false });
    await queue.obliterate({ force: true });
    await t.close();
  });

  it('shows every queue with counts from Redis and the outbox backlog', async () => {
    await t.db.query(
      `INSERT INTO outbox (queue, job_name, job_id, payload, created_at) VALUES ('certificates', 'issue', 'dash-test', '{}', now() - interval '90 seconds')`,
    );
    const res = await t.http.get('/api/system/queues').set('Authorization', admin).expect(200);
    expect(res.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(
      Object.values(QueueName).sort(),
    );
    for (const q of res.body.queues)
      expect(q.counts).toEqual(expect.objectContaining({ failed: expect.any(Number) }));
    expect(res.body.outbox.unsent).toBeGreaterThanOrEqual(1);
    expect(res.body.outbox.oldestSeconds).toBeGreaterThanOrEqual(90);
    await t.db.query(`DELETE FROM outbox WHERE job_id = 'dash-test'`);
  });

  it('lists a failed job and retries it', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.System), { strict: false });
    const connection = { url: t.config.redisUrl, maxRetriesPerRequest: null };
    const worker = new Worker(
      QueueName.System,
      async () => {
        throw new Error('Lỗi thử nghiệm');
      },
      { connection, prefix: t.config.queuePrefix },
    );
    try {
      const job = await queue.add('dashboard-probe', { requestedBy: 'spec' }, { attempts: 1 });
      await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
      const failed = await t.http
        .get(`/api/system/queues/${QueueName.System}/jobs?state=failed`)
        .set('Authorization', admin)
        .expect(200);
      expect(failed.body).toEqual([
        expect.objectContaining({
          id: String(job.id),
          name: 'dashboard-probe',
          failedReason: 'Lỗi thử nghiệm',
        }),
      ]);
      await worker.close();
      await t.http
        .post(`/api/system/queues/${QueueName.System}/jobs/${job.id}/retry`)
        .set('Authorization', admin)
        .expect(204);
      expect(await (await queue.getJob(String(job.id)))?.getState()).toBe('waiting');
    } finally {
      await worker.close();
    }
  });

  it('refuses unknown queues (400) and everyone but sysadmin (403)', async () => {
    await t.http.get('/api/system/queues/nope/jobs').set('Authorization', admin).expect(400);
    const hr = await t.tokenFor(
      (await t.make.user(await t.make.unit(), { roles: ['hr'] })).username,
    );
    await t.http.get('/api/system/queues').set('Authorization', hr).expect(403);
  });
});
