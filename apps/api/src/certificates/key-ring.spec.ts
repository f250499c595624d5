import { KeyRing } from '@dx/certificates';
import { AuditLogEntity, SigningKeyEntity } from '@dx/db';
import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { generateKeyPairSync } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate } from './certificates.fixtures';

/** On a database of its own: rotating and compromising keys must not disturb other specs. */
describe('certificate key ring', () => {
  let databaseUrl: string;
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_test_keyring');
    t = await createTestApp({ DATABASE_URL: databaseUrl });
    w = await certificateWorld(t);
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const issue = () => issuedCertificate(t, { holder: w.people.holder, issuer: w.units.a1 });
  const verdict = async (serial: string | null) =>
    (await t.http.get(`/api/public/certificates/${serial}`).expect(200)).body;
  const asAdmin = (req: ReturnType<TestApp['http']['post']>) =>
    req.set('Authorization', w.tokens.admin);

  it('generates the development key once and keeps it: never derived from another secret', async () => {
    const keys = await t.db.getRepository(SigningKeyEntity).find();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ source: 'generated', validTo: null, compromisedFrom: null });
    expect(keys[0].privateKeyPem).toMatch(/BEGIN PRIVATE KEY/);
    // Another process opening the ring (the worker, a restart) finds the same key.
    const again = await KeyRing.open(t.db, { configuredPem: null });
    expect((await again.active()).kid).toBe(keys[0].kid);
    expect(await t.db.getRepository(SigningKeyEntity).count()).toBe(1);
  });

  it('rotation: new certificates use the new key, earlier ones stay valid; audited', async () => {
    const before = await issue();
    const res = await asAdmin(t.http.post('/api/certificates/keys/rotate')).expect(201);
    expect(res.body.kid).not.toBe(before.kid);
    expect(res.body).toMatchObject({ validTo: null, revokedAt: null });
    const after = await issue();
    expect(after.kid).toBe(res.body.kid);
    expect(await verdict(before.serial)).toMatchObject({ status: 'valid', kid: before.kid });
    expect(await verdict(after.serial)).toMatchObject({ status: 'valid', kid: after.kid });

    const keys = (await t.http.get('/api/public/keys').expect(200)).body;
    expect(keys.map((k: { kid: string }) => k.kid)).toEqual([before.kid, after.kid]);
    expect(keys[0].validTo).not.toBeNull();
    expect(keys[0]).toMatchObject({
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
      jwk: { kty: 'OKP', crv: 'Ed25519', kid: before.kid },
    });
    expect(JSON.stringify(keys)).not.toMatch(/"d"|PRIVATE/);
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'certificate.key_rotated' });
    expect(audit).toMatchObject({ actorId: w.people.admin.id, details: { kid: after.kid } });
  });

  it('a key compromised from a date: what it signed from then on is invalid, what came before stays valid', async () => {
    const early = await issue();
    const from = new Date();
    const late = await issue();
    expect(late.kid).toBe(early.kid);
    const res = await asAdmin(t.http.post(`/api/certificates/keys/${early.kid}/compromised`))
      .send({ from: from.toISOString(), note: 'Lộ khóa' })
      .expect(200);
    expect(res.body).toMatchObject({ kid: early.kid, revokedAt: from.toISOString() });
    expect(await verdict(early.serial)).toMatchObject({ status: 'valid' });
    expect(await verdict(late.serial)).toMatchObject({
      status: 'invalid',
      invalidReason: 'key_compromised',
    });
    // The active key was replaced at once: nothing more is signed with it.
    const next = await issue();
    expect(next.kid).not.toBe(early.kid);
    expect(await verdict(next.serial)).toMatchObject({ status: 'valid' });
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'certificate.key_compromised' });
    expect(audit.details).toMatchObject({ kid: early.kid, replacedBy: next.kid });
  });

  it('refuses bad input (400), an unknown key (404) and callers who are not sysadmin (403)', async () => {
    const { kid } = await t.app.get(KeyRing).active();
    const bad = await asAdmin(t.http.post(`/api/certificates/keys/${kid}/compromised`))
      .send({ from: 'hôm qua' })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    await asAdmin(t.http.post('/api/certificates/keys/k-nope/compromised'))
      .send({ from: new Date().toISOString() })
      .expect(404);
    await t.http
      .post('/api/certificates/keys/rotate')
      .set('Authorization', w.tokens.hrA)
      .expect(403);
  });

  it('a certificate naming a key the platform lacks: "invalid" (unknown_key), never 500; a warning at start', async () => {
    const cert = await issue();
    await t.db.query(`UPDATE certificate SET kid = 'k-lost-in-a-restore' WHERE id = $1`, [cert.id]);
    expect(await verdict(cert.serial)).toMatchObject({
      status: 'invalid',
      invalidReason: 'unknown_key',
    });
    const warnings: string[] = [];
    await KeyRing.open(t.db, { configuredPem: null, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining('k-lost-in-a-restore')]);
  });

  it('a key from configuration takes over at start; its secret never enters the database', async () => {
    const before = await issue();
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const ring = await KeyRing.open(t.db, { configuredPem: pem });
    const active = await ring.active();
    const row = await t.db.getRepository(SigningKeyEntity).findOneByOrFail({ kid: active.kid });
    expect(row).toMatchObject({ source: 'configured', privateKeyPem: null, validTo: null });
    expect(await verdict(before.serial)).toMatchObject({ status: 'valid' });
  });
});
