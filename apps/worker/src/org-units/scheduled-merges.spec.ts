import { QueueName, SystemJob } from '@dx/contracts';
import { OrgUnitEntity, OrgUnitMergeEntity } from '@dx/db';
import { insertCoverageRows } from '@dx/reports';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { CoverageFixture, eventually, FixtureUnit } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';
import { ScheduledMergesService } from './scheduled-merges.service';

/**
 * A merge decided ahead of 1 March 2026, as the API leaves it; the job is told which day it
 * is. Reports are computed for 2026 as of the real day (after 1 March), so they show the
 * tree as it is in the database: the old one until the merge is applied.
 */
const E = '2026-03-01';

describe('scheduled org-unit merges (real worker, Redis and PostgreSQL)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_merges',
    storagePrefix: 'dx-worker-merges-',
  });
  let db: DataSource;
  let make: CoverageFixture;
  let merges: ScheduledMergesService;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    make = new CoverageFixture(db);
    merges = worker.app.get(ScheduledMergesService);
  });
  afterAll(() => worker.stop());

  async function schedule(
    unit: FixtureUnit,
    target: FixtureUnit,
    effectiveDate = E,
  ): Promise<string> {
    const row = await db
      .getRepository(OrgUnitMergeEntity)
      .save({ unitId: unit.id, targetId: target.id, effectiveDate, status: 'pending' });
    return row.id;
  }

  const mergeRow = (id: string) => db.getRepository(OrgUnitMergeEntity).findOneByOrFail({ id });
  const unitRow = (id: string) => db.getRepository(OrgUnitEntity).findOneByOrFail({ id });

  /** A coverage report of `year` on `root`, computed now: unit name → DX staff. */
  async function staffByUnit(root: FixtureUnit, year: number): Promise<Record<string, number>> {
    const report = await make.report(root, year);
    await db.transaction((tx) => insertCoverageRows(tx, report.id));
    const rows: { name: string; dx_staff: number }[] = await db.query(
      `SELECT name, dx_staff FROM coverage_report_row WHERE report_id = $1`,
      [report.id],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.dx_staff]));
  }

  it('leaves the tree alone until the date, then applies the merge through the daily job', async () => {
    const root = await make.unit('Quốc gia (sáp nhập theo lịch)');
    const a = await make.unit('Tỉnh Nhận', root);
    const b = await make.unit('Tỉnh Bị Sáp Nhập', root);
    const b1 = await make.unit('Xã Thuộc B', b);
    const inB = await make.person(b, 'full_time', 'Trần Thị Hạnh');
    const inB1 = await make.person(b1, 'part_time', 'Lê Văn Dũng');
    await make.person(a);
    const id = await schedule(b, a);

    // Before the date: the run of the day before applies nothing, and this year's report
    // (computed before the merge happens) sees the tree as it is.
    expect(await merges.applyDue('2026-02-28')).toEqual({ applied: 0, failed: 0 });
    expect(await staffByUnit(root, 2026)).toEqual({
      'Quốc gia (sáp nhập theo lịch)': 3,
      'Tỉnh Nhận': 1,
      'Tỉnh Bị Sáp Nhập': 2,
      'Xã Thuộc B': 1,
    });

    // On the date, through the queue as the scheduler runs it.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.System));
    const job = await queue.add(SystemJob.ApplyScheduledMerges, { today: E });
    await eventually(async () => (await job.isCompleted()) || (await job.isFailed()), 30_000);
    expect(await job.isCompleted()).toBe(true);
    expect((await queue.getJob(job.id as string))?.returnvalue).toEqual({ applied: 1, failed: 0 });

    expect(await mergeRow(id)).toMatchObject({ status: 'applied', failure: null });
    expect((await mergeRow(id)).settledAt).not.toBeNull();
    expect(await unitRow(b.id)).toMatchObject({ validTo: E, successorId: a.id });
    const aRow = await unitRow(a.id);
    expect(await unitRow(b1.id)).toMatchObject({ parentId: a.id, path: `${aRow.path}${b1.id}/` });
    const people: { id: string; org_unit_id: string }[] = await db.query(
      `SELECT id, org_unit_id FROM app_user WHERE id = ANY($1::uuid[])`,
      [[inB, inB1]],
    );
    expect(Object.fromEntries(people.map((p) => [p.id, p.org_unit_id]))).toEqual({
      [inB]: a.id,
      [inB1]: b1.id,
    });

    // Reports of later dates see the new tree; earlier years keep the unit as it was.
    expect(await staffByUnit(root, 2026)).toEqual({
      'Quốc gia (sáp nhập theo lịch)': 3,
      'Tỉnh Nhận': 3,
      'Xã Thuộc B': 1,
    });
    expect(await staffByUnit(root, 2025)).toEqual({
      'Quốc gia (sáp nhập theo lịch)': 3,
      'Tỉnh Nhận': 1,
      'Tỉnh Bị Sáp Nhập': 2,
      'Xã Thuộc B': 1,
    });

    // A second run (or a retried job) finds nothing left to do.
    expect(await merges.applyDue('2026-03-02')).toEqual({ applied: 0, failed: 0 });
    expect(await unitRow(b.id)).toMatchObject({ validTo: E, successorId: a.id });
  });

  it('applies a late run on the decided date, skips cancelled ones and fails one the tree no longer allows', async () => {
    const root = await make.unit('Quốc gia (trễ hạn)');
    const a = await make.unit('Tỉnh A trễ', root);
    const b = await make.unit('Tỉnh B trễ', root);
    const c = await make.unit('Tỉnh C hủy', root);
    const d = await make.unit('Tỉnh D lỗi', root);
    const gone = await make.unit('Tỉnh đã đóng', root, '2026-01-01');
    const person = await make.person(b);
    const late = await schedule(b, a, '2027-01-10');
    const cancelled = await schedule(c, a, '2027-01-10');
    await db.getRepository(OrgUnitMergeEntity).update({ id: cancelled }, { status: 'cancelled' });
    const broken = await schedule(d, gone, '2027-01-10');

    // The worker was down for days: history is still split on the decided date.
    expect(await merges.applyDue('2027-01-20')).toEqual({ applied: 1, failed: 1 });
    expect(await mergeRow(late)).toMatchObject({ status: 'applied' });
    const history: { org_unit_id: string; valid_from: string; valid_to: string | null }[] =
      await db.query(
        `SELECT org_unit_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
              to_char(valid_to, 'YYYY-MM-DD') AS valid_to
         FROM membership WHERE user_id = $1 ORDER BY valid_from`,
        [person],
      );
    expect(history).toEqual([
      { org_unit_id: b.id, valid_from: '2000-01-01', valid_to: '2027-01-10' },
      { org_unit_id: a.id, valid_from: '2027-01-10', valid_to: null },
    ]);
    expect(await mergeRow(cancelled)).toMatchObject({ status: 'cancelled' });
    expect(await unitRow(c.id)).toMatchObject({ validTo: null });
    const failed = await mergeRow(broken);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/closed/);
    expect(await unitRow(d.id)).toMatchObject({ validTo: null, successorId: null });
  });
});
