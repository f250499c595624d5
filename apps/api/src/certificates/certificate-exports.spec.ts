import { calendarDate } from '@dx/contracts';
import { CertificateExportEntity, OutboxEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld } from './certificates.fixtures';

// The API half: asking, scope, following, downloading. The files themselves are made and
// checked in the worker (apps/worker/src/certificates/certificate-export.spec.ts).
describe('certificate exports: POST /api/certificates/exports and following the job', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let year: number;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
    year = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
    // Booting the app on a shared 2-core machine under load takes a while.
  }, 90_000);
  afterAll(() => t.close());

  const ask = (token: string, body: object) =>
    t.http.post('/api/certificates/exports').set('Authorization', token).send(body);
  const status = (token: string, jobId: string) =>
    t.http.get(`/api/certificates/exports/${jobId}`).set('Authorization', token);
  const idOf = (jobId: string) => jobId.replace('certificate-export-', '');

  it('records the request with its outbox job in one go (202), waiting until the worker runs', async () => {
    const res = await ask(w.tokens.trainerA, {
      orgUnitId: w.units.a.id,
      year,
      format: 'zip',
    }).expect(202);
    expect(res.body.jobId).toMatch(/^certificate-export-[0-9a-f-]{36}$/);
    const row = await t.db
      .getRepository(CertificateExportEntity)
      .findOneByOrFail({ id: idOf(res.body.jobId) });
    expect(row).toMatchObject({
      orgUnitId: w.units.a.id,
      unitPath: w.units.a.path,
      unitName: 'Tỉnh A',
      year,
      format: 'zip',
      requestedBy: w.people.trainerA.id,
      state: 'waiting',
    });
    const outbox = await t.db
      .getRepository(OutboxEntity)
      .findOneByOrFail({ jobId: res.body.jobId });
    expect(outbox).toMatchObject({
      queue: 'certificates',
      jobName: 'export-certificates',
      payload: { exportId: row.id },
    });
    expect((await status(w.tokens.hrA, res.body.jobId).expect(200)).body).toEqual({
      state: 'waiting',
      progress: 0,
    });
    await t.http
      .get(`/api/certificates/exports/${res.body.jobId}/file`)
      .set('Authorization', w.tokens.trainerA)
      .expect(409);
  });

  it('once made: completed with its count and a download link that serves the file', async () => {
    const { body } = await ask(w.tokens.hrA, {
      orgUnitId: w.units.a1.id,
      year,
      format: 'xlsx',
    }).expect(202);
    const fileKey = `exports/certificates/${year}/${idOf(body.jobId)}.xlsx`;
    await t.app.get<FileStorage>(FILE_STORAGE).put(fileKey, Buffer.from('PK-fake-xlsx'));
    await t.db
      .getRepository(CertificateExportEntity)
      .update({ id: idOf(body.jobId) }, { state: 'completed', progress: 100, count: 7, fileKey });
    const done = (await status(w.tokens.trainerA, body.jobId).expect(200)).body;
    expect(done).toEqual({
      state: 'completed',
      progress: 100,
      count: 7,
      downloadUrl: `/api/certificates/exports/${body.jobId}/file`,
    });
    const file = await t.http
      .get(done.downloadUrl)
      .set('Authorization', w.tokens.hrA)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toContain(`so-cap-${w.units.a1.code}-${year}.xlsx`);
    expect((file.body as Buffer).toString()).toBe('PK-fake-xlsx');
  });

  it('a failed export says so, with the reason', async () => {
    const { body } = await ask(w.tokens.admin, {
      orgUnitId: w.units.b.id,
      year,
      format: 'pdf',
    }).expect(202);
    await t.db
      .getRepository(CertificateExportEntity)
      .update({ id: idOf(body.jobId) }, { state: 'failed', progress: 40, error: 'disk full' });
    expect((await status(w.tokens.trainerB, body.jobId).expect(200)).body).toEqual({
      state: 'failed',
      progress: 40,
      error: 'disk full',
    });
  });

  it('keeps to the caller’s scope: another province’s unit and its exports are not found', async () => {
    await ask(w.tokens.trainerB, { orgUnitId: w.units.a.id, year, format: 'zip' }).expect(404);
    const { body } = await ask(w.tokens.trainerA, { orgUnitId: w.units.a.id, year, format: 'pdf' });
    await status(w.tokens.trainerB, body.jobId).expect(404);
    await status(w.tokens.hrB, body.jobId).expect(404);
    await status(w.tokens.stranger, body.jobId).expect(403);
    await ask(w.tokens.holder, { orgUnitId: w.units.a1.id, year, format: 'zip' }).expect(403);
    await status(w.tokens.trainerA, 'certificate-export-nope').expect(404);
    await status(w.tokens.trainerA, 'coverage-0b7f8a44-3f1e-4c1a-9d55-1f0d2f7e9a10').expect(404);
  });

  it('refuses bad input with field errors (400)', async () => {
    const fields = async (body: object) =>
      (await ask(w.tokens.trainerA, body).expect(400)).body.errors.map(
        (e: { field: string }) => e.field,
      );
    expect(await fields({ orgUnitId: w.units.a.id, year, format: 'csv' })).toEqual(['format']);
    expect(await fields({ orgUnitId: w.units.a.id, year: 1999, format: 'zip' })).toEqual(['year']);
    const future = await ask(w.tokens.trainerA, {
      orgUnitId: w.units.a.id,
      year: year + 1,
      format: 'zip',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({
        field: 'year',
        code: 'year_in_future',
        params: { currentYear: year },
      }),
    ]);
    expect(await fields({ orgUnitId: 'x', year, format: 'zip' })).toEqual(['orgUnitId']);
  });
});
