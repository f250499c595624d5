import { AuditLogEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { CertificateIssuerEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld } from './certificates.fixtures';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('per-unit issuer settings (sysadmin): agency, signer, place, seal image', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
    // Booting the app on a shared 2-core machine under load takes a while.
  }, 90_000);
  afterAll(() => t.close());

  const path = (id: string) => `/api/certificates/issuers/${id}`;
  const settings = {
    bodyName: 'Trung tâm Chuyển đổi số',
    parentBodyName: 'Ủy ban nhân dân tỉnh A',
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    place: 'Hà Giang',
  };

  it('shows the defaults of a unit never set: its own name under its parent, room to sign', async () => {
    const res = await t.http.get(path(w.units.a1.id)).set('Authorization', w.tokens.admin).expect(200);
    expect(res.body).toEqual({
      orgUnitId: w.units.a1.id,
      bodyName: 'Xã A1',
      parentBodyName: 'Tỉnh A',
      signerTitle: 'Thủ trưởng đơn vị',
      signerName: '',
      place: 'Hà Nội',
      hasSealImage: false,
      updatedAt: null,
    });
  });

  it('saves the texts (trimmed), audited', async () => {
    const res = await t.http
      .put(path(w.units.a.id))
      .set('Authorization', w.tokens.admin)
      .send({ ...settings, signerName: '  Nguyễn Văn An ' })
      .expect(200);
    expect(res.body).toMatchObject({ ...settings, hasSealImage: false, updatedAt: expect.any(String) });
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'certificate.issuer_updated', targetId: w.units.a.id });
    expect(audit.actorId).toBe(w.people.admin.id);
  });

  it('stores a PNG seal, replaces and removes it; refuses what is not PNG/JPEG or too large', async () => {
    const unit = w.units.b.id;
    const put = (content: Buffer, name = 'dau.png') =>
      t.http
        .put(`${path(unit)}/seal`)
        .set('Authorization', w.tokens.admin)
        .attach('file', content, { filename: name, contentType: 'image/png' });
    expect((await put(PNG).expect(200)).body).toMatchObject({ hasSealImage: true, bodyName: 'Tỉnh B' });
    const row = await t.db.getRepository(CertificateIssuerEntity).findOneByOrFail({ orgUnitId: unit });
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    expect((await storage.get(row.sealImageKey as string)).equals(PNG)).toBe(true);

    const notImage = await put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.png').expect(400);
    expect(notImage.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'file_rejected' })]);
    const big = await put(Buffer.concat([PNG, Buffer.alloc(1024 * 1024)])).expect(400);
    expect(big.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'file_rejected' })]);

    await t.http.delete(`${path(unit)}/seal`).set('Authorization', w.tokens.admin).expect(204);
    expect(await storage.exists(row.sealImageKey as string)).toBe(false);
    const after = await t.http.get(path(unit)).set('Authorization', w.tokens.admin).expect(200);
    expect(after.body.hasSealImage).toBe(false);
  });

  it('is the sysadmin’s alone, and refuses bad input with field errors', async () => {
    await t.http.get(path(w.units.a.id)).set('Authorization', w.tokens.trainerA).expect(403);
    await t.http.put(path(w.units.a.id)).set('Authorization', w.tokens.hrA).send(settings).expect(403);
    const bad = await t.http
      .put(path(w.units.a.id))
      .set('Authorization', w.tokens.admin)
      .send({ ...settings, bodyName: '   ', place: 'x'.repeat(65) })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['bodyName', 'place']);
    await t.http
      .get(path('0b7f8a44-3f1e-4c1a-9d55-1f0d2f7e9a10'))
      .set('Authorization', w.tokens.admin)
      .expect(404);
  });
});
