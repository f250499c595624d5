import {
  COVERAGE_EXPORT_FORMATS,
  coverageExportKey,
  REPORTS_QUEUE,
  ReportJob,
} from '@dx/contracts';
import { CoverageReportGenerator } from '@dx/reports';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestWorker } from '../test/test-worker';
import { CoverageFixture, eventually, FixtureUnit } from '@dx/testing';
import { YearlyCoverageService } from './yearly-coverage.service';

describe('coverage reports in the worker (real BullMQ, Redis and PostgreSQL)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_reports',
    storagePrefix: 'dx-worker-reports-',
  });
  const { storageDir } = worker;
  let db: DataSource;
  let queue: Queue;
  let make: CoverageFixture;
  let province: FixtureUnit;
  let commune: FixtureUnit;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    queue = worker.app.get(getQueueToken(REPORTS_QUEUE), { strict: false });
    make = new CoverageFixture(db);

    province = await make.unit('Tỉnh Tuyên Quang');
    commune = await make.unit('Xã Minh Quang', province);
    const hoa = await make.person(commune, 'full_time', 'Nguyễn Thị Hoa');
    await make.person(commune, 'part_time', 'Lò Văn Páo');
    await make.person(province, 'full_time', 'Hoàng Văn Đức');
    await make.certificate(hoa, '2025-03-10T02:00:00Z', { hours: 12, issuer: province });
  });

  afterAll(() => worker.stop());

  async function finished(jobId: string): Promise<Job> {
    await eventually(async () => {
      const job = await queue.getJob(jobId);
      const state = await job?.getState();
      if (state === 'failed') throw new Error(`job ${jobId} failed: ${job?.failedReason}`);
      return state === 'completed';
    });
    // Read afresh once completed: a job fetched while still active keeps returnvalue null
    // even when getState() (a separate read) already says completed.
    return (await queue.getJob(jobId)) as Job;
  }

  it('computes a queued report: progress reaches 100, rows are stored and the three exports are in storage', async () => {
    const report = await make.report(province, 2025);
    await queue.add(ReportJob.Coverage, { reportId: report.id }, { jobId: report.jobId });
    const job = await finished(report.jobId);

    expect(job.progress).toBe(100);
    expect(job.returnvalue).toEqual({ outcome: 'generated' });
    const [stored] = await db.query(
      `SELECT status, generated_at FROM coverage_report WHERE id = $1`,
      [report.id],
    );
    expect(stored.status).toBe('completed');
    expect(stored.generated_at).toBeInstanceOf(Date);
    const rows = await db.query(
      `SELECT name, depth, dx_staff, trained, hours::float8 AS hours, certificates
         FROM coverage_report_row WHERE report_id = $1 ORDER BY depth`,
      [report.id],
    );
    expect(rows).toEqual([
      { name: 'Tỉnh Tuyên Quang', depth: 0, dx_staff: 3, trained: 1, hours: 12, certificates: 1 },
      { name: 'Xã Minh Quang', depth: 1, dx_staff: 2, trained: 1, hours: 12, certificates: 1 },
    ]);
    for (const format of COVERAGE_EXPORT_FORMATS) {
      const file = join(storageDir, coverageExportKey(report.id, format));
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(100);
    }
  });

  it('does nothing on a retry of a completed report but render missing files, and starts a half-done one over', async () => {
    const generator = worker.app.get(CoverageReportGenerator);
    const done = await make.report(commune, 2025);
    expect(await generator.generate(done.id)).toBe('generated');
    const pdf = join(storageDir, coverageExportKey(done.id, 'pdf'));
    const before = statSync(pdf).mtimeMs;
    const rowsBefore = await db.query(`SELECT * FROM coverage_report_row WHERE report_id = $1`, [
      done.id,
    ]);
    expect(await generator.generate(done.id)).toBe('already-complete');
    expect(statSync(pdf).mtimeMs).toBe(before);
    expect(
      await db.query(`SELECT * FROM coverage_report_row WHERE report_id = $1`, [done.id]),
    ).toEqual(rowsBefore);

    // Crashed between the snapshot and the files: the retry renders only what is missing.
    const xlsx = join(storageDir, coverageExportKey(done.id, 'xlsx'));
    rmSync(xlsx);
    expect(await generator.generate(done.id)).toBe('already-complete');
    expect(existsSync(xlsx)).toBe(true);
    expect(statSync(pdf).mtimeMs).toBe(before);

    // Still running with rows in place (left by an interrupted run): they are replaced, not added to.
    const half = await make.report(commune, 2025);
    await db.query(
      `INSERT INTO coverage_report_row (report_id, org_unit_id, code, name, parent_id, depth, dx_staff, trained, hours, certificates)
       VALUES ($1, $2, 'STALE', 'Dữ liệu cũ', NULL, 0, 99, 99, 99, 99)`,
      [half.id, province.id],
    );
    expect(await generator.generate(half.id)).toBe('generated');
    const rows = await db.query(
      `SELECT name, dx_staff FROM coverage_report_row WHERE report_id = $1`,
      [half.id],
    );
    expect(rows).toEqual([{ name: 'Xã Minh Quang', dx_staff: 2 }]);
  });

  it('makes one official report per root unit of the year end, and nothing more when run again', async () => {
    const other = await make.unit('Tỉnh Hà Giang');
    const closed = await make.unit('Tỉnh đã sáp nhập', null, '2025-07-01');
    const yearly = worker.app.get(YearlyCoverageService);

    const first = await yearly.requestOfficial(2025);
    const official: { id: string; org_unit_id: string; job_id: string }[] = await db.query(
      `SELECT id, org_unit_id, job_id FROM coverage_report WHERE official AND year = 2025`,
    );
    expect(official.map((r) => r.org_unit_id).sort()).toEqual([province.id, other.id].sort());
    expect(official.map((r) => r.org_unit_id)).not.toContain(closed.id);
    expect(first.created.sort()).toEqual(official.map((r) => r.id).sort());
    for (const r of official) await finished(r.job_id);

    const again = await yearly.requestOfficial(2025);
    expect(again).toEqual({ year: 2025, created: [], queued: [] });
    const count = await db.query(
      `SELECT count(*)::int AS n FROM coverage_report WHERE official AND year = 2025`,
    );
    expect(count[0].n).toBe(2);
    // The closed year's figures are frozen by the database itself.
    const provinceReport = official.find((r) => r.org_unit_id === province.id)?.id;
    await expect(
      db.query(`DELETE FROM coverage_report_row WHERE report_id = $1`, [provinceReport]),
    ).rejects.toThrow(/official coverage report .* is closed/);
  });

  it('runs the scheduled job itself for the year it is given', async () => {
    const job = await queue.add(ReportJob.YearlyNationalCoverage, { year: 2024 });
    const done = await finished(job.id as string);
    expect(done.returnvalue).toMatchObject({ year: 2024 });
    expect(done.returnvalue.created.length).toBeGreaterThanOrEqual(1);
    const stored = await db.query(
      `SELECT official FROM coverage_report WHERE year = 2024 AND org_unit_id = $1`,
      [province.id],
    );
    expect(stored).toEqual([{ official: true }]);
  });
});
