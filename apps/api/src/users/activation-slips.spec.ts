import { ActivationSlipBatchEntity, AuditLogEntity, OutboxEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { createTestApp, TestApp } from '../test/test-app';

// The API half: asking, scope, following, downloading. The codes and files themselves are
// made and checked in the worker (apps/worker/src/users/activation-slips.spec.ts).
describe('activation slips: POST /api/activation-slips and following the job', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let admin: string;
  let hrA: string;
  let hrB: string;
  let trainerA: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    admin = await t.tokenFor((await t.make.user(tree.root, { roles: ['sysadmin'] })).username);
    hrA = await t.tokenFor((await t.make.user(tree.a, { roles: ['hr'] })).username);
    hrB = await t.tokenFor((await t.make.user(tree.b, { roles: ['hr'] })).username);
    trainerA = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
  }, 90_000);
  afterAll(() => t.close());

  const ask = (token: string, orgUnitId: string) =>
    t.http.post('/api/activation-slips').set('Authorization', token).send({ orgUnitId });
  const status = (token: string, jobId: string) =>
    t.http.get(`/api/activation-slips/${jobId}`).set('Authorization', token);
  const idOf = (jobId: string) => jobId.replace('activation-slips-', '');

  it('records the request with its outbox job and an audit entry in one go (202), waiting until the worker runs', async () => {
    const res = await ask(hrA, tree.a1.id).expect(202);
    expect(res.body.jobId).toMatch(/^activation-slips-[0-9a-f-]{36}$/);
    const row = await t.db
      .getRepository(ActivationSlipBatchEntity)
      .findOneByOrFail({ id: idOf(res.body.jobId) });
    expect(row).toMatchObject({
      orgUnitId: tree.a1.id,
      unitPath: tree.a1.path,
      unitName: tree.a1.name,
      state: 'waiting',
    });
    expect(await t.db.getRepository(OutboxEntity).findOneByOrFail({ jobId: res.body.jobId })).toMatchObject({
      queue: 'system',
      jobName: 'make-activation-slips',
      payload: { batchId: row.id },
    });
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'user.activation_slips_requested', targetId: tree.a1.id });
    expect(audit.details).toEqual({ batchId: row.id });
    expect((await status(hrA, res.body.jobId).expect(200)).body).toEqual({ state: 'waiting', progress: 0 });
    await t.http
      .get(`/api/activation-slips/${res.body.jobId}/pdf`)
      .set('Authorization', hrA)
      .expect(409);
  });

  it('once made: completed with count, expiry and both files, served to whoever may ask', async () => {
    const { body } = await ask(admin, tree.a.id).expect(202);
    const id = idOf(body.jobId);
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await storage.put(`exports/activation-slips/${id}.pdf`, Buffer.from('%PDF-fake'));
    await storage.put(`exports/activation-slips/${id}.xlsx`, Buffer.from('PK-fake'));
    const expiresAt = new Date('2026-12-21T16:59:59.000Z');
    await t.db.getRepository(ActivationSlipBatchEntity).update(
      { id },
      {
        state: 'completed',
        progress: 100,
        count: 3,
        expiresAt,
        pdfKey: `exports/activation-slips/${id}.pdf`,
        xlsxKey: `exports/activation-slips/${id}.xlsx`,
      },
    );
    const done = (await status(hrA, body.jobId).expect(200)).body;
    expect(done).toEqual({
      state: 'completed',
      progress: 100,
      count: 3,
      expiresAt: expiresAt.toISOString(),
      pdfUrl: `/api/activation-slips/${body.jobId}/pdf`,
      xlsxUrl: `/api/activation-slips/${body.jobId}/xlsx`,
    });
    const pdf = await t.http.get(done.pdfUrl).set('Authorization', hrA).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="phieu-kich-hoat-${tree.a.code.replace(/[^A-Za-z0-9-]/g, '-')}.pdf"`,
    );
    expect(pdf.body.toString()).toBe('%PDF-fake');
    const xlsx = await t.http.get(done.xlsxUrl).set('Authorization', admin).buffer(true).expect(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    // Another province's hr neither sees it nor learns it exists.
    await status(hrB, body.jobId).expect(404);
    await t.http.get(done.pdfUrl).set('Authorization', hrB).expect(404);
  });

  it('refuses what hr may not print: another province (404), trainers (403), bad ids (400/404)', async () => {
    await ask(hrA, tree.b.id).expect(404);
    await ask(trainerA, tree.a.id).expect(403);
    const bad = await ask(hrA, 'not-a-uuid').expect(400);
    expect(bad.body.code).toBeDefined();
    await status(hrA, 'activation-slips-nope').expect(404);
    await status(hrA, 'certificate-export-00000000-0000-0000-0000-000000000000').expect(404);
    expect(await t.db.getRepository(ActivationSlipBatchEntity).countBy({ orgUnitId: tree.b.id })).toBe(0);
  });
});
