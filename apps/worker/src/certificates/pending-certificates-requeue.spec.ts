import { certificateJobId, CERTIFICATES_QUEUE, JobName } from '@dx/contracts';
import { CertificateEntity, CertificateEventEntity } from '@dx/db';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { eventually, requestCertificates } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';
import { PendingCertificatesRequeueService } from './pending-certificates-requeue.service';

describe('re-queue of certificates left pending (real worker, Redis and PostgreSQL)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_requeue',
    storagePrefix: 'dx-worker-requeue-',
  });
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    queue = worker.app.get<Queue>(getQueueToken(CERTIFICATES_QUEUE), { strict: false });
  });
  afterAll(() => worker.stop());

  /** A pending certificate requested `minutesAgo`, with no job yet (no outbox row). */
  async function pendingCertificate(name: string, minutesAgo: number): Promise<string> {
    const { certificates } = await requestCertificates(db, 1, name, { outbox: false });
    const id = certificates[0].id;
    await db.query(
      `UPDATE certificate SET created_at = now() - make_interval(mins => $2) WHERE id = $1`,
      [id, minutesAgo],
    );
    return id;
  }

  /** The issue job as the outbox relay adds it, held back (delayed) so it stays alive. */
  function addHeldIssueJob(certificateId: string) {
    return queue.add(
      JobName.IssueCertificate,
      { certificateId },
      { jobId: certificateJobId(certificateId), delay: 3_600_000 },
    );
  }

  async function issuedEvents(certificateId: string): Promise<number> {
    return db.getRepository(CertificateEventEntity).countBy({ certificateId, type: 'issued' });
  }

  it('adds the lost job again, once, and leaves a live job and a recent request alone', async () => {
    const lost = await pendingCertificate('Nguyễn Văn Mất', 15);
    // The relay added the job, then Redis lost it (failover before replication).
    await (await addHeldIssueJob(lost)).remove();
    const alive = await pendingCertificate('Trần Thị Còn', 15);
    await addHeldIssueJob(alive);
    const recent = await pendingCertificate('Lê Văn Mới', 1);

    const sweep = worker.app.get(PendingCertificatesRequeueService);
    expect(await sweep.requeue(10)).toEqual({ requeued: 2 });

    await eventually(
      async () =>
        (await db.getRepository(CertificateEntity).findOneByOrFail({ id: lost })).status ===
        'issued',
      60_000,
    );
    expect(await issuedEvents(lost)).toBe(1);
    // The live job is the same job, still held: the add under its id was ignored.
    const aliveJob = await queue.getJob(certificateJobId(alive));
    expect(await aliveJob?.getState()).toBe('delayed');
    const jobsOfAlive = (await queue.getJobs(['waiting', 'active', 'delayed', 'completed'])).filter(
      (j) => j.data.certificateId === alive,
    );
    expect(jobsOfAlive).toHaveLength(1);
    // Within the grace period the relay is trusted: nothing added.
    expect(await queue.getJob(certificateJobId(recent))).toBeUndefined();

    // A second run finds the lost one issued; the live one, when it runs, issues once.
    expect(await sweep.requeue(10)).toEqual({ requeued: 1 });
    await aliveJob?.promote();
    await eventually(
      async () =>
        (await db.getRepository(CertificateEntity).findOneByOrFail({ id: alive })).status ===
        'issued',
      60_000,
    );
    expect(await issuedEvents(alive)).toBe(1);
    expect(await issuedEvents(lost)).toBe(1);
  }, 120_000);
});
