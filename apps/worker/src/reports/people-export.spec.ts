import { calendarDate, JOB_QUEUE, JobName, peopleExportJobId } from '@dx/contracts';
import { enqueueJob, FileJobEntity, PeopleExportEntity } from '@dx/db';
import { CoverageFixture, eventually, FixtureUnit } from '@dx/testing';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ExpiredFilesService } from '../file-jobs/expired-files.service';
import { createTestWorker } from '../test/test-worker';

describe('people export (real worker: the people list of a subtree as CSV/XLSX, then retention)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_people',
    storagePrefix: 'dx-worker-people-',
    env: { FILE_JOB_RETENTION_DAYS: '3' },
  });
  let db: DataSource;
  let province: FixtureUnit;
  let year: number;
  let today: string;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    today = calendarDate(worker.config.reportsTimeZone);
    year = Number(today.slice(0, 4));
    const f = new CoverageFixture(db);
    province = await f.unit('Tỉnh Tuyên Quang');
    const minhXuan = await f.unit('Xã Minh Xuân', province);
    const anTuong = await f.unit('Phường An Tường', province);
    const elsewhere = await f.unit('Tỉnh Khác');
    await f.person(province, 'full_time', 'Lê Hữu Cường');
    const trained = await f.person(minhXuan, 'full_time', 'Nguyễn Thị Ánh Tuyết');
    await f.person(minhXuan, 'part_time', 'Đặng Văn Đức');
    await f.person(anTuong, 'full_time', 'Trần Thị Bình');
    await f.person(minhXuan, 'none', 'Không Phải Cán Bộ CĐS');
    await f.person(elsewhere, 'full_time', 'Người Tỉnh Khác');
    await f.certificate(trained, new Date().toISOString(), { hours: 6, issuer: province });
  }, 120_000);
  afterAll(() => worker.stop());

  /** Asks as the API does (row + outbox row in one transaction) and waits for the file. */
  async function exported(
    format: 'csv' | 'xlsx',
    peopleStatus: 'all' | 'untrained',
    csvSeparator: ',' | ';' | null = format === 'csv' ? ',' : null,
  ) {
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(PeopleExportEntity, {
        id,
        orgUnitId: province.id,
        unitPath: `/${province.id}/`,
        unitCode: province.code,
        unitName: province.name,
        year,
        format,
        peopleStatus,
        dxRole: null,
        csvSeparator,
        requestedBy: null,
      });
      await enqueueJob(tx, {
        queue: JOB_QUEUE[JobName.ExportPeople],
        jobName: JobName.ExportPeople,
        jobId: peopleExportJobId(id),
        payload: { exportId: id },
      });
    });
    const repo = db.getRepository(PeopleExportEntity);
    await eventually(
      async () => ['completed', 'failed'].includes((await repo.findOneByOrFail({ id })).state),
      60_000,
    );
    return repo.findOneByOrFail({ id });
  }

  it('writes the CSV with a BOM, the list’s columns and order, Vietnamese intact, and progress done/total', async () => {
    const row = await exported('csv', 'all');
    expect(row).toMatchObject({ state: 'completed', progress: 100, done: 4, total: 4, count: 4 });
    expect(row.fileKey).toBe(`exports/people/${year}/${row.id}.csv`);
    // Kept FILE_JOB_RETENTION_DAYS (3 here) from when it was made.
    const kept = Number(row.filesExpireAt) - Number(row.finishedAt);
    expect(Math.round(kept / 86_400_000)).toBe(3);
    const bytes = readFileSync(join(worker.storageDir, String(row.fileKey)));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Tên đăng nhập,Họ và tên,Đơn vị,Vị trí CĐS,Số giờ đã học,Số giờ yêu cầu,Đạt yêu cầu,Đã được bồi dưỡng,Ngày hoàn thành gần nhất',
    );
    // Units by name, people by name within the unit; another province never.
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 4).join('|'))).toEqual([
      'Trần Thị Bình|Phường An Tường|Chuyên trách',
      'Lê Hữu Cường|Tỉnh Tuyên Quang|Chuyên trách',
      'Nguyễn Thị Ánh Tuyết|Xã Minh Xuân|Chuyên trách',
      'Đặng Văn Đức|Xã Minh Xuân|Kiêm nhiệm',
    ]);
    const tuyet = lines[3].split(',');
    expect(tuyet.slice(4, 9)).toEqual(['6', '', 'Có', 'Có', today.split('-').reverse().join('/')]);
  });

  it('writes the CSV asked with ";" for Excel in Vietnamese: semicolons, the BOM kept', async () => {
    const row = await exported('csv', 'all', ';');
    expect(row).toMatchObject({ state: 'completed', count: 4 });
    const bytes = readFileSync(join(worker.storageDir, String(row.fileKey)));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Tên đăng nhập;Họ và tên;Đơn vị;Vị trí CĐS;Số giờ đã học;/);
    expect(lines[3].split(';').slice(1, 9)).toEqual([
      'Nguyễn Thị Ánh Tuyết',
      'Xã Minh Xuân',
      'Chuyên trách',
      '6',
      '',
      'Có',
      'Có',
      today.split('-').reverse().join('/'),
    ]);
  });

  it('writes the XLSX (title, heading, the untrained only) through the streaming writer', async () => {
    const row = await exported('xlsx', 'untrained');
    expect(row).toMatchObject({ state: 'completed', done: 3, total: 3 });
    const wb = new Workbook();
    await wb.xlsx.readFile(join(worker.storageDir, String(row.fileKey)));
    const ws = wb.getWorksheet('Danh sách');
    if (!ws) throw new Error('no sheet "Danh sách"');
    expect(ws.getCell(1, 1).value).toBe(
      `Danh sách chưa được bồi dưỡng năm ${year} — Tỉnh Tuyên Quang`,
    );
    expect(ws.getCell(2, 2).value).toBe('Họ và tên');
    const names = [3, 4, 5].map((r) => ws.getCell(r, 2).value);
    expect(names).toEqual(['Trần Thị Bình', 'Lê Hữu Cường', 'Đặng Văn Đức']);
    expect(ws.getCell(6, 2).value).toBeNull();
  });

  it('is idempotent: a completed export is not made again', async () => {
    const row = await exported('csv', 'untrained');
    const { PeopleExportService } = await import('./people-export.service');
    const again = await worker.app.get(PeopleExportService).export(row.id, async () => undefined);
    expect(again).toBe('already-done');
  });

  it('retention deletes the files of expired jobs only, and marks them', async () => {
    const old = await exported('csv', 'all');
    const fresh = await exported('xlsx', 'all');
    await db
      .getRepository(FileJobEntity)
      .update({ id: old.id }, { filesExpireAt: new Date(Date.now() - 60_000) });
    const purge = worker.app.get(ExpiredFilesService);
    const first = await purge.purge();
    expect(first.jobs).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(worker.storageDir, String(old.fileKey)))).toBe(false);
    expect(existsSync(join(worker.storageDir, String(fresh.fileKey)))).toBe(true);
    const rows = db.getRepository(FileJobEntity);
    expect((await rows.findOneByOrFail({ id: old.id })).filesDeletedAt).toBeInstanceOf(Date);
    expect((await rows.findOneByOrFail({ id: fresh.id })).filesDeletedAt).toBeNull();
    // Nothing left to do the second time.
    expect(await purge.purge()).toEqual({ jobs: 0, files: 0 });
  });
});
