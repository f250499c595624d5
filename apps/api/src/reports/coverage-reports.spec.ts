import { redisOptionsFromUrl } from '@dx/config';
import { calendarDate, CoverageJobData, REPORTS_QUEUE } from '@dx/contracts';
import type { OrgUnitEntity, UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { CoverageReportGenerator } from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Worker } from 'bullmq';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import Redis from 'ioredis';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { relayOutbox } from '../test/outbox';
import { createTestApp, TestApp } from '../test/test-app';
import { courseCertificate } from './coverage.fixtures';

/** supertest keeps binary bodies as Buffers with this parser. */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('training-coverage reports API', () => {
  // A queue prefix of this file's own: no other spec's worker takes these jobs.
  const prefix = `dxtest-reports-${randomSuffix()}`;
  let t: TestApp;
  let province: OrgUnitEntity;
  let other: OrgUnitEntity;
  let commune: OrgUnitEntity;
  let hr: UserEntity;
  let auth: { hr: string; otherHr: string; learner: string; admin: string };

  beforeAll(async () => {
    t = await createTestApp({ QUEUE_PREFIX: prefix });
    const { root, a, b, a1 } = await t.make.twoProvinces();
    [province, other, commune] = [a, b, a1];
    hr = await t.make.user(a, { roles: ['hr'], fullName: 'Nguyễn Thị Thanh Hương' });
    const otherHr = await t.make.user(b, { roles: ['hr'] });
    const learner = await t.make.user(a, { roles: ['learner'] });
    const admin = await t.make.user(root, { roles: ['sysadmin'], dxRole: 'none' });
    const trained = await t.make.user(a1, { fullName: 'Lò Thị Xuân' });
    await t.make.user(a1, { dxRole: 'part_time' });
    await courseCertificate(t.db, trained.id, '2025-04-02T03:00:00Z', { issuer: a, hours: 12 });
    auth = {
      hr: await t.tokenFor(hr.username),
      otherHr: await t.tokenFor(otherHr.username),
      learner: await t.tokenFor(learner.username),
      admin: await t.tokenFor(admin.username),
    };
  });

  afterAll(async () => {
    await t?.close();
    const redis = new Redis(redisOptionsFromUrl(t.config.redisUrl));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const post = (token: string, body: object) =>
    t.http.post('/api/reports/coverage').set('Authorization', token).send(body);
  const get = (token: string, path: string) =>
    t.http.get(`/api/reports/coverage${path}`).set('Authorization', token);

  /**
   * A stand-in for the worker app (which the API must not import): the outbox relayed to
   * this file's prefix, and a real BullMQ worker on it running the same generator as the
   * worker's processor.
   */
  async function processQueuedJobs(until: () => Promise<boolean>): Promise<void> {
    await relayOutbox(t);
    const generator = new CoverageReportGenerator(t.db, t.app.get<FileStorage>(FILE_STORAGE));
    const worker = new Worker<CoverageJobData>(
      REPORTS_QUEUE,
      async (job) => ({
        outcome: await generator.generate(job.data.reportId, (p) => job.updateProgress(p)),
      }),
      { connection: { url: t.config.redisUrl, maxRetriesPerRequest: null }, prefix },
    );
    try {
      const deadline = Date.now() + 15_000;
      while (!(await until())) {
        if (Date.now() > deadline) throw new Error('the report job did not finish in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.close();
    }
  }

  it('accepts a request (202, job id), reports it waiting, then completed with the snapshot and its exports', async () => {
    const res = await post(auth.hr, { year: 2025, orgUnitId: province.id }).expect(202);
    expect(res.body).toEqual({ jobId: expect.stringMatching(/^coverage-[0-9a-f-]{36}$/) });
    const jobId: string = res.body.jobId;
    const reportId = jobId.slice('coverage-'.length);
    const [row] = await t.db.query(
      `SELECT status, time_zone, requested_by, official FROM coverage_report WHERE id = $1`,
      [reportId],
    );
    expect(row).toEqual({
      status: 'running',
      time_zone: 'Asia/Ho_Chi_Minh',
      requested_by: hr.id,
      official: false,
    });
    // Its job was written in the same transaction, for the outbox relay to hand to Redis.
    expect(
      await t.db.query(`SELECT queue, job_name, payload, sent_at FROM outbox WHERE job_id = $1`, [
        jobId,
      ]),
    ).toEqual([
      { queue: 'reports', job_name: 'coverage', payload: { reportId }, sent_at: null },
    ]);

    // No worker has started it: the row says waiting.
    expect((await get(auth.hr, `/jobs/${jobId}`).expect(200)).body).toEqual({
      state: 'waiting',
      progress: 0,
      reportId,
    });
    expect((await get(auth.hr, `/${reportId}`).expect(409)).body.message).toMatch(
      /still being computed/,
    );
    await get(auth.hr, `/${reportId}/export?format=csv`).expect(409);

    await processQueuedJobs(
      async () => (await get(auth.hr, `/jobs/${jobId}`)).body.state === 'completed',
    );
    expect((await get(auth.hr, `/jobs/${jobId}`).expect(200)).body).toEqual({
      state: 'completed',
      progress: 100,
      reportId,
    });

    const report = (await get(auth.hr, `/${reportId}`).expect(200)).body;
    // No DATABASE_REPLICA_URL here: computed on the primary, and the report says so.
    expect(report.readFrom).toEqual({ server: 'primary', detail: 'no replica configured' });
    expect(report).toMatchObject({
      id: reportId,
      year: 2025,
      orgUnitId: province.id,
      official: false,
    });
    expect(new Date(report.generatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // hr, the learner, Xuân and a part-timer (all DX staff by default); only Xuân trained.
    expect(report.rows).toEqual([
      {
        orgUnitId: province.id,
        code: province.code,
        name: 'Tỉnh A',
        parentId: null,
        depth: 0,
        dxStaff: 4,
        trained: 1,
        coverage: 0.25,
        hours: 12,
        certificates: 1,
        fullTime: { dxStaff: 3, trained: 1 },
        partTime: { dxStaff: 1, trained: 0 },
        requirementMet: 4,
      },
      {
        orgUnitId: commune.id,
        code: commune.code,
        name: 'Xã A1',
        parentId: province.id,
        depth: 1,
        dxStaff: 2,
        trained: 1,
        coverage: 0.5,
        hours: 12,
        certificates: 1,
        fullTime: { dxStaff: 1, trained: 1 },
        partTime: { dxStaff: 1, trained: 0 },
        requirementMet: 2,
      },
    ]);

    const csv = await get(auth.hr, `/${reportId}/export?format=csv`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="bao-cao-cds-2025-${province.code}.csv"; filename*=UTF-8''${encodeURIComponent(
        'Báo cáo bồi dưỡng CĐS 2025 - Tỉnh A.csv',
      )}`,
    );
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(csv.body, { bom: true });
    expect(records[0]).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Số CB làm CĐS',
      'Số đã bồi dưỡng',
      'Tỷ lệ (%)',
      'Số giờ',
      'Số chứng nhận',
      'CB chuyên trách',
      'Chuyên trách đã BD',
      'CB kiêm nhiệm',
      'Kiêm nhiệm đã BD',
      'Đạt yêu cầu số giờ',
    ]);
    // The province's own two people (hr, learner) have a row: the commune + it = the province.
    expect(records.slice(1)).toEqual([
      [province.code, 'Tỉnh A', '4', '1', '25', '12', '1', '3', '1', '1', '0', '4'],
      [province.code, 'Trực thuộc trực tiếp', '2', '0', '0', '0', '0', '2', '0', '0', '0', '2'],
      [commune.code, 'Xã A1', '2', '1', '50', '12', '1', '1', '1', '1', '0', '2'],
    ]);

    const xlsx = await get(auth.hr, `/${reportId}/export?format=xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const cells = wb.worksheets[0].getSheetValues().flat();
    expect(cells).toEqual(
      expect.arrayContaining(['Tỉnh A', 'Xã A1', 4, 0.25, 'Trực thuộc trực tiếp']),
    );
    expect(cells.filter((c) => String(c).startsWith('Tổng cộng'))).toEqual([]);

    const pdf = await get(auth.hr, `/${reportId}/export?format=pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'dx-report-')), 'r.pdf');
    writeFileSync(file, pdf.body as Buffer);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('BÁO CÁO TỶ LỆ BỒI DƯỠNG CĐS NĂM 2025');
    expect(text).toContain('Xã A1');
  });

  it('refuses invalid input with 400 and the field named', async () => {
    const nextYear = Number(calendarDate('Asia/Ho_Chi_Minh').slice(0, 4)) + 1;
    const cases: [object, string][] = [
      [{ year: 1999, orgUnitId: province.id }, 'year'],
      [{ year: nextYear, orgUnitId: province.id }, 'year'],
      [{ year: '2025', orgUnitId: province.id }, 'year'],
      [{ year: 2025.5, orgUnitId: province.id }, 'year'],
      [{ year: 2025 }, 'orgUnitId'],
      [{ year: 2025, orgUnitId: 'tinh-a' }, 'orgUnitId'],
      [{ year: 2025, orgUnitId: province.id, official: true }, 'official'],
    ];
    for (const [body, field] of cases) {
      const res = await post(auth.hr, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const future = await post(auth.hr, { year: nextYear, orgUnitId: province.id }).expect(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({
        field: 'year',
        code: 'year_in_future',
        params: { currentYear: nextYear - 1 },
      }),
    ]);
    await get(auth.hr, '/not-a-uuid').expect(400);
    const res = await get(auth.hr, `/${province.id}/export?format=docx`).expect(400);
    expect(res.body.errors[0].field).toBe('format');
  });

  it('hides reports of other provinces: 404 on request, job, report and export; 403 for learners', async () => {
    await post(auth.otherHr, { year: 2025, orgUnitId: province.id }).expect(404);
    const { jobId } = (await post(auth.hr, { year: 2024, orgUnitId: commune.id }).expect(202)).body;
    const reportId = jobId.slice('coverage-'.length);
    await get(auth.otherHr, `/jobs/${jobId}`).expect(404);
    await get(auth.otherHr, `/${reportId}`).expect(404);
    await get(auth.otherHr, `/${reportId}/export?format=pdf`).expect(404);
    await get(auth.hr, `/jobs/coverage-${other.id}`).expect(404);
    await post(auth.learner, { year: 2025, orgUnitId: province.id }).expect(403);
    // A sysadmin sees everything; the other province's hr may report on their own unit.
    expect((await get(auth.admin, `/jobs/${jobId}`).expect(200)).body.state).toBe('waiting');
    await post(auth.otherHr, { year: 2025, orgUnitId: other.id }).expect(202);
  });

  it('answers job state from the report row alone: waiting, active with progress, failed with a code', async () => {
    const ask = async () =>
      (await post(auth.hr, { year: 2025, orgUnitId: commune.id }).expect(202)).body.jobId;
    const jobId = await ask();
    const reportId = jobId.slice('coverage-'.length);
    // Nothing in Redis (the outbox not relayed): the row is what answers.
    expect((await get(auth.hr, `/jobs/${jobId}`).expect(200)).body).toEqual({
      state: 'waiting',
      progress: 0,
      reportId,
    });
    await t.db.query(`UPDATE coverage_report SET progress = 40 WHERE id = $1`, [reportId]);
    expect((await get(auth.hr, `/jobs/${jobId}`).expect(200)).body).toEqual({
      state: 'active',
      progress: 40,
      reportId,
    });
    await t.db.query(`UPDATE coverage_report SET status = 'failed', error = 'boom' WHERE id = $1`, [
      reportId,
    ]);
    expect((await get(auth.hr, `/jobs/${jobId}`).expect(200)).body).toEqual({
      state: 'failed',
      progress: 40,
      reportId,
      error: 'boom',
      errorCode: 'job_failed',
    });
  });

  it('accepts a request while Redis is down: the outbox keeps its job until Redis is back', async () => {
    const down = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: prefix });
    try {
      const started = Date.now();
      const res = await down.http
        .post('/api/reports/coverage')
        .set('Authorization', auth.hr)
        .send({ year: 2025, orgUnitId: province.id })
        .expect(202);
      expect(Date.now() - started).toBeLessThan(3_000);
      const jobId: string = res.body.jobId;
      const reportId = jobId.slice('coverage-'.length);
      expect(
        (
          await down.http
            .get(`/api/reports/coverage/jobs/${jobId}`)
            .set('Authorization', auth.hr)
            .expect(200)
        ).body,
      ).toEqual({ state: 'waiting', progress: 0, reportId });
      const [outbox] = await t.db.query(`SELECT sent_at FROM outbox WHERE job_id = $1`, [jobId]);
      expect(outbox).toEqual({ sent_at: null });
    } finally {
      await down.close();
    }
    // Redis back (this app's): the relay delivers it and the report completes.
    const [{ job_id: jobId }] = await t.db.query(
      `SELECT job_id FROM coverage_report WHERE requested_by = $1 ORDER BY created_at DESC LIMIT 1`,
      [hr.id],
    );
    await processQueuedJobs(
      async () => (await get(auth.hr, `/jobs/${jobId}`)).body.state === 'completed',
    );
  });
});
