import { AuditLogEntity, OrgUnitEntity } from '@dx/db';
import { issuedCertificate } from '../certificates/certificates.fixtures';
import { createTestApp, TestApp } from '../test/test-app';

describe('PATCH /api/org-units/:id: renaming a unit', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let admin: string;
  let hrA: string;
  let trainerA: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    admin = await t.tokenFor((await t.make.user(tree.root, { roles: ['sysadmin'] })).username);
    hrA = await t.tokenFor((await t.make.user(tree.a, { roles: ['hr'] })).username);
    trainerA = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
  }, 90_000);
  afterAll(() => t.close());

  const rename = (token: string, id: string, name: unknown) =>
    t.http.patch(`/api/org-units/${id}`).set('Authorization', token).send({ name });

  it('hr renames a unit of their subtree: answered, audited with both names, seen by everyone', async () => {
    const res = await rename(hrA, tree.a1.id, '  Xã A1 Mới  ').expect(200);
    expect(res.body).toMatchObject({ id: tree.a1.id, name: 'Xã A1 Mới', code: tree.a1.code });
    expect((await t.http.get(`/api/org-units/${tree.a1.id}`).set('Authorization', admin).expect(200)).body.name).toBe(
      'Xã A1 Mới',
    );
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'org_unit.renamed', targetId: tree.a1.id });
    expect(audit.details).toEqual({ from: 'Xã A1', to: 'Xã A1 Mới' });
    // The same name again changes nothing and writes no second entry.
    await rename(hrA, tree.a1.id, 'Xã A1 Mới').expect(200);
    expect(await t.db.getRepository(AuditLogEntity).countBy({ action: 'org_unit.renamed', targetId: tree.a1.id })).toBe(1);
  });

  it('leaves history alone: a certificate issued before still names the issuer as it was', async () => {
    const holder = await t.make.user(tree.b1, { fullName: 'Nguyễn Thị Hường' });
    const cert = await issuedCertificate(t, { holder, issuer: tree.b1 });
    await rename(admin, tree.b1.id, 'Xã B1 Sau Sắp Xếp').expect(200);
    const verify = await t.http
      .get(`/api/public/certificates/${cert.serial}`)
      .query({ c: cert.verifyCode as string })
      .expect(200);
    expect(verify.body).toMatchObject({ issuer: 'Xã B1', status: 'valid' });
  });

  it('refuses: another province (404), a trainer (403), a closed unit (400), a bad name (400), nothing written', async () => {
    await rename(hrA, tree.b.id, 'Tỉnh B Khác').expect(404);
    await rename(trainerA, tree.a.id, 'Tỉnh A Khác').expect(403);
    const closed = await t.make.unit(tree.a, 'Xã Đã Sáp Nhập');
    await t.db.getRepository(OrgUnitEntity).update({ id: closed.id }, { validTo: '2025-07-01' });
    const res = await rename(hrA, closed.id, 'Tên Mới').expect(400);
    expect(res.body.code).toBe('invalid_input');
    expect(JSON.stringify(res.body)).toContain('org_unit_closed');
    for (const bad of ['', ' x ', 'a'.repeat(256), 42, null]) await rename(hrA, tree.a.id, bad).expect(400);
    const names = await t.db.getRepository(OrgUnitEntity).findBy([{ id: tree.a.id }, { id: tree.b.id }, { id: closed.id }]);
    expect(names.map((u) => u.name).sort()).toEqual(['Tỉnh A', 'Tỉnh B', 'Xã Đã Sáp Nhập']);
  });
});
