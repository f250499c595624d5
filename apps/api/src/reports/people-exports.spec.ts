import { calendarDate } from '@dx/contracts';
import { AuditLogEntity, FileJobEntity, OutboxEntity, PeopleExportEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { createTestApp, TestApp } from '../test/test-app';

// The API half: asking, scope, following, downloading, expiry. The file itself is made and
// checked by the worker (apps/worker/src/reports/people-export.spec.ts).
describe('people exports: POST /api/reports/people/exports and following the job', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let admin: string;
  let hrA: string;
  let hrB: string;
  let learnerA: string;
  let trainerA: string;
  let year: number;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    admin = await t.tokenFor((await t.make.user(tree.root, { roles: ['sysadmin'] })).username);
    hrA = await t.tokenFor((await t.make.user(tree.a, { roles: ['hr'] })).username);
    hrB = await t.tokenFor((await t.make.user(tree.b, { roles: ['hr'] })).username);
    learnerA = await t.tokenFor((await t.make.user(tree.a)).username);
    trainerA = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
    year = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
  }, 90_000);
  afterAll(() => t.close());

  const ask = (token: string, body: object) =>
    t.http.post('/api/reports/people/exports').set('Authorization', token).send(body);
  const status = (token: string, jobId: string) =>
    t.http.get(`/api/reports/people/exports/${jobId}`).set('Authorization', token);
  const idOf = (jobId: string) => jobId.replace('people-export-', '');

  it('records the request, its outbox job and an audit entry in one go (202), waiting until the worker runs', async () => {
    const res = await ask(hrA, { orgUnitId: tree.a.id, status: 'untrained', format: 'csv' }).expect(
      202,
    );
    expect(res.body.jobId).toMatch(/^people-export-[0-9a-f-]{36}$/);
    const id = idOf(res.body.jobId);
    expect(await t.db.getRepository(PeopleExportEntity).findOneByOrFail({ id })).toMatchObject({
      orgUnitId: tree.a.id,
      unitPath: tree.a.path,
      year,
      format: 'csv',
      peopleStatus: 'untrained',
      dxRole: null,
      csvSeparator: ',',
      state: 'waiting',
    });
    expect(
      await t.db.getRepository(OutboxEntity).findOneByOrFail({ jobId: res.body.jobId }),
    ).toMatchObject({ queue: 'reports', jobName: 'export-people', payload: { exportId: id } });
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'report.people_export_requested', targetId: tree.a.id });
    expect(audit.details).toMatchObject({ exportId: id, year, format: 'csv' });
    expect((await status(hrA, res.body.jobId).expect(200)).body).toEqual({
      state: 'waiting',
      progress: 0,
      done: 0,
    });
    await t.http
      .get(`/api/reports/people/exports/${res.body.jobId}/file`)
      .set('Authorization', hrA)
      .expect(409);
  });

  it('reports progress, then serves the file to whoever may ask; 410 once retention deleted it', async () => {
    const { body } = await ask(admin, {
      orgUnitId: tree.a1.id,
      year,
      format: 'csv',
      status: 'all',
    });
    const id = idOf(body.jobId);
    const rows = t.db.getRepository(FileJobEntity);
    await rows.update({ id }, { state: 'active', progress: 40, done: 24_000, total: 60_000 });
    expect((await status(hrA, body.jobId).expect(200)).body).toEqual({
      state: 'active',
      progress: 40,
      done: 24_000,
      total: 60_000,
    });
    const fileKey = `exports/people/${year}/${id}.csv`;
    await t.app.get<FileStorage>(FILE_STORAGE).put(fileKey, Buffer.from('\ufeffHọ và tên\r\n'));
    const expiresAt = new Date(Date.now() + 7 * 86_400_000);
    await rows.update(
      { id },
      { state: 'completed', progress: 100, done: 60_000, fileKey, filesExpireAt: expiresAt },
    );
    const done = (await status(hrA, body.jobId).expect(200)).body;
    expect(done).toEqual({
      state: 'completed',
      progress: 100,
      done: 60_000,
      total: 60_000,
      downloadUrl: `/api/reports/people/exports/${body.jobId}/file`,
      expiresAt: expiresAt.toISOString(),
    });
    const file = await t.http
      .get(done.downloadUrl)
      .set('Authorization', hrA)
      .buffer(true)
      .expect(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="danh-sach-${tree.a1.code.replace(/[^A-Za-z0-9-]/g, '-')}-${year}.csv"`,
    );
    expect(file.text).toContain('Họ và tên');
    // Another province's hr neither sees it nor learns it exists.
    await status(hrB, body.jobId).expect(404);
    await t.http.get(done.downloadUrl).set('Authorization', hrB).expect(404);
    // After retention: no link any more, and the file answers 410 with a code the web translates.
    await rows.update({ id }, { filesDeletedAt: new Date() });
    expect((await status(hrA, body.jobId).expect(200)).body.downloadUrl).toBeUndefined();
    const gone = await t.http.get(done.downloadUrl).set('Authorization', hrA).expect(410);
    expect(gone.body.code).toBe('file_expired');
  });

  it('keeps to the caller’s scope and role: another province 404, learners and trainers 403', async () => {
    await ask(hrB, { orgUnitId: tree.a.id, format: 'csv' }).expect(404);
    await ask(learnerA, { orgUnitId: tree.a.id, format: 'csv' }).expect(403);
    await ask(trainerA, { orgUnitId: tree.a.id, format: 'xlsx' }).expect(403);
    const { body } = await ask(hrA, { orgUnitId: tree.a.id, format: 'xlsx' }).expect(202);
    await status(learnerA, body.jobId).expect(403);
    await status(hrA, 'people-export-nope').expect(404);
    await status(hrA, body.jobId.replace('people-export-', 'certificate-export-')).expect(404);
    expect(await t.db.getRepository(PeopleExportEntity).countBy({ orgUnitId: tree.b.id })).toBe(0);
  });

  it('refuses bad input with field errors (400)', async () => {
    const fields = async (body: object) =>
      (await ask(hrA, body).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await fields({ orgUnitId: tree.a.id, format: 'pdf' })).toEqual(['format']);
    expect(await fields({ orgUnitId: tree.a.id, format: 'csv', year: year + 1 })).toEqual(['year']);
    expect(await fields({ orgUnitId: tree.a.id, format: 'csv', year: 1999 })).toEqual(['year']);
    expect(await fields({ orgUnitId: tree.a.id, format: 'csv', status: 'maybe' })).toEqual([
      'status',
    ]);
    expect(await fields({ orgUnitId: tree.a.id, format: 'csv', dxRole: 'boss' })).toEqual([
      'dxRole',
    ]);
    expect(await fields({ orgUnitId: 'x', format: 'csv' })).toEqual(['orgUnitId']);
    expect(await fields({ orgUnitId: tree.a.id, format: 'csv', separator: '\t' })).toEqual([
      'separator',
    ]);
  });

  it('keeps the separator asked for a CSV, and refuses one for a workbook with its own code', async () => {
    const { body } = await ask(hrA, { orgUnitId: tree.a.id, format: 'csv', separator: ';' }).expect(
      202,
    );
    const rows = t.db.getRepository(PeopleExportEntity);
    expect(await rows.findOneByOrFail({ id: idOf(body.jobId) })).toMatchObject({
      format: 'csv',
      csvSeparator: ';',
    });
    const xlsx = await ask(hrA, { orgUnitId: tree.a.id, format: 'xlsx' }).expect(202);
    expect(await rows.findOneByOrFail({ id: idOf(xlsx.body.jobId) })).toMatchObject({
      csvSeparator: null,
    });
    const refused = await ask(hrA, { orgUnitId: tree.a.id, format: 'xlsx', separator: ';' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'separator', code: 'csv_only' }),
    ]);
  });
});
