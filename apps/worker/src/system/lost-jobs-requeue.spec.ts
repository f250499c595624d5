import {
  COVERAGE_EXPORT_FORMATS,
  coverageExportKey,
  JobName,
  peopleExportJobId,
  QueueName,
} from '@dx/contracts';
import { PeopleExportEntity } from '@dx/db';
import { CoverageFixture, eventually, FixtureUnit } from '@dx/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestWorker } from '../test/test-worker';
import { LostJobsRequeueService } from './lost-jobs-requeue.service';

describe('re-queue of report and file jobs lost by Redis (real worker, Redis and PostgreSQL)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_lost_jobs',
    storagePrefix: 'dx-worker-lost-jobs-',
  });
  let db: DataSource;
  let reportsQueue: Queue;
  let province: FixtureUnit;
  let make: CoverageFixture;
  let sweep: LostJobsRequeueService;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    reportsQueue = worker.app.get<Queue>(getQueueToken(QueueName.Reports), { strict: false });
    sweep = worker.app.get(LostJobsRequeueService);
    make = new CoverageFixture(db);
    province = await make.unit('Tỉnh Lào Cai');
    const hoa = await make.person(province, 'full_time', 'Vàng Thị Hoa');
    await make.certificate(hoa, '2025-05-10T02:00:00Z', { hours: 8, issuer: province });
  }, 120_000);
  afterAll(() => worker.stop());

  /** A running report asked for `minutesAgo`, whose job never reached Redis (no outbox row). */
  async function runningReport(minutesAgo: number): Promise<{ id: string; jobId: string }> {
    const report = await make.report(province, 2025);
    await db.query(
      `UPDATE coverage_report SET created_at = now() - make_interval(mins => $2) WHERE id = $1`,
      [report.id, minutesAgo],
    );
    return report;
  }

  const statusOf = async (id: string) =>
    (await db.query(`SELECT status, error FROM coverage_report WHERE id = $1`, [id]))[0];

  it('queues a lost report again through the outbox, once; leaves live and recent ones alone; fails a job that failed for good', async () => {
    const lost = await runningReport(15);
    const alive = await runningReport(15);
    // The relay delivered it and it waits (held back): a live job is never doubled.
    await reportsQueue.add(
      JobName.Coverage,
      { reportId: alive.id },
      { jobId: alive.jobId, delay: 3_600_000 },
    );
    const recent = await runningReport(1);
    const failed = await runningReport(15);
    // Its job failed for good without the row hearing of it (here: a job name no handler
    // takes, which the worker fails at once and its failure handler does not know).
    await reportsQueue.add('coverage-of-an-older-release', { reportId: failed.id }, {
      jobId: failed.jobId,
    });
    await eventually(
      async () => (await (await reportsQueue.getJob(failed.jobId))?.getState()) === 'failed',
      30_000,
    );

    const first = await sweep.requeue({ olderThanMinutes: 10 });
    expect(first).toEqual({ reports: 1, fileJobs: 0, renders: 0, failed: 1 });
    expect(
      await db.query(`SELECT job_name, job_id FROM outbox WHERE payload->>'reportId' = $1`, [
        lost.id,
      ]),
    ).toEqual([{ job_name: 'coverage', job_id: lost.jobId }]);
    expect(await statusOf(failed.id)).toEqual({
      status: 'failed',
      error: 'No handler for job "coverage-of-an-older-release" on queue "reports"',
    });
    await eventually(async () => (await statusOf(lost.id)).status === 'completed', 60_000);
    expect(await statusOf(recent.id)).toMatchObject({ status: 'running' });
    expect(await (await reportsQueue.getJob(alive.jobId))?.getState()).toBe('delayed');

    // Next run: nothing lost any more (the live one still waits, the recent one is recent).
    expect(await sweep.requeue({ olderThanMinutes: 10 })).toEqual({
      reports: 0,
      fileJobs: 0,
      renders: 0,
      failed: 0,
    });
  }, 120_000);

  it('renders again the missing file of a completed report (the GET of an export queues nothing)', async () => {
    const report = await runningReport(30);
    await sweep.requeue({ olderThanMinutes: 10 });
    await eventually(async () => (await statusOf(report.id)).status === 'completed', 60_000);
    const file = join(worker.storageDir, coverageExportKey(report.id, 'pdf'));
    await eventually(async () => existsSync(file), 60_000);
    // Completed 20 minutes ago; then its PDF was lost (a storage restore, a worker killed).
    await db.query(
      `UPDATE coverage_report SET generated_at = now() - interval '20 minutes' WHERE id = $1`,
      [report.id],
    );
    rmSync(file);

    const run = await sweep.requeue({ olderThanMinutes: 10 });
    expect(run).toMatchObject({ reports: 0, renders: 1 });
    await eventually(async () => existsSync(file), 60_000);
    for (const format of COVERAGE_EXPORT_FORMATS)
      expect(existsSync(join(worker.storageDir, coverageExportKey(report.id, format)))).toBe(true);
    expect(await sweep.requeue({ olderThanMinutes: 10 })).toMatchObject({ renders: 0 });
  }, 120_000);

  it('queues a lost file job again under its own id, and the file is made', async () => {
    const id = randomUUID();
    await db.getRepository(PeopleExportEntity).insert({
      id,
      orgUnitId: province.id,
      unitPath: `/${province.id}/`,
      unitCode: province.code,
      unitName: province.name,
      year: 2025,
      format: 'csv',
      peopleStatus: 'all',
      dxRole: null,
      requestedBy: null,
    });
    await db.query(
      `UPDATE file_job SET created_at = now() - interval '15 minutes' WHERE id = $1`,
      [id],
    );
    expect(await sweep.requeue({ olderThanMinutes: 10 })).toMatchObject({ fileJobs: 1 });
    expect(
      await db.query(`SELECT job_name, job_id FROM outbox WHERE payload->>'exportId' = $1`, [id]),
    ).toEqual([{ job_name: JobName.ExportPeople, job_id: peopleExportJobId(id) }]);
    const repo = db.getRepository(PeopleExportEntity);
    await eventually(async () => (await repo.findOneByOrFail({ id })).state === 'completed', 60_000);
    expect(await repo.findOneByOrFail({ id })).toMatchObject({ count: 1, progress: 100 });
    expect(await sweep.requeue({ olderThanMinutes: 10 })).toMatchObject({ fileJobs: 0 });
  }, 120_000);
});
