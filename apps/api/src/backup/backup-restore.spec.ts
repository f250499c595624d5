import { createTestDatabase, dropTestDatabase, randomSuffix, testServerUrl } from '@dx/db/testing';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { issuedCertificate } from '../certificates/certificates.fixtures';
import { createTestApp, TestApp } from '../test/test-app';

const run = promisify(execFile);

/** An empty database (no migrations): pg_restore brings the schema with the data. */
async function createEmptyDatabase(): Promise<string> {
  const name = `dx_restore_${Date.now().toString(36)}_${randomSuffix()}`;
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * docs/backup-restore.md, step by step: pg_dump -Fc of a live database plus a copy of
 * STORAGE_DIR, pg_restore into a fresh database, the API started on the copy with the same
 * secrets — people sign in, certificates verify and their PDFs download.
 */
describe('backup and restore', () => {
  const work = mkdtempSync(join(tmpdir(), 'dx-backup-'));
  const dump = join(work, 'dx_academy.dump');
  const storage = join(work, 'storage');
  const restoredStorage = join(work, 'storage-restored');
  const urls: string[] = [];
  const apps: TestApp[] = [];

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(urls.map((u) => dropTestDatabase(u)));
    rmSync(work, { recursive: true, force: true });
  });

  it('restores data, audit trail and certificates that still verify', async () => {
    const source = await createTestDatabase('dx_backup');
    urls.push(source);
    const before = await createTestApp({ DATABASE_URL: source, STORAGE_DIR: storage });
    apps.push(before);
    const { a1, root } = await before.make.twoProvinces();
    const holder = await before.make.user(a1, { fullName: 'Phan Thị Sao Lưu' });
    const admin = await before.make.user(root, { roles: ['sysadmin'] });
    const created = await before.http
      .post('/api/users')
      .set('Authorization', await before.tokenFor(admin.username))
      .send({
        username: `kp.${randomSuffix()}`,
        password: 'Mot-mat-khau-dai-1',
        fullName: 'Lâm Văn Khôi Phục',
        orgUnitId: a1.id,
        dxRole: 'full_time',
      })
      .expect(201);
    const cert = await issuedCertificate(before, { holder, issuer: a1 });
    const pdf = await before.http
      .get(`/api/certificates/${cert.id}/pdf`)
      .set('Authorization', await before.tokenFor(holder.username))
      .expect(200);
    const [{ count: migrations }] = await before.db.query(
      'SELECT count(*)::int AS count FROM migrations',
    );
    await before.close();
    apps.pop();

    await run('pg_dump', ['-Fc', '--no-owner', '-f', dump, '-d', source]);
    cpSync(storage, restoredStorage, { recursive: true });
    const target = await createEmptyDatabase();
    urls.push(target);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '-d', target, dump]);

    const check = new Client({ connectionString: target });
    await check.connect();
    try {
      const [{ count }] = (await check.query('SELECT count(*)::int AS count FROM migrations')).rows;
      expect(count).toBe(migrations);
      // Triggers came back too: the audit log is still append-only.
      await expect(check.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await check.end();
    }

    const after = await createTestApp({ DATABASE_URL: target, STORAGE_DIR: restoredStorage });
    apps.push(after);
    const holderToken = await after.tokenFor(holder.username);
    await after.tokenFor(created.body.username, 'Mot-mat-khau-dai-1');
    const verify = await after.http
      .get(`/api/public/certificates/${cert.serial}`)
      .query({ c: cert.verifyCode as string })
      .expect(200);
    expect(verify.body).toMatchObject({
      serial: cert.serial,
      holderName: 'Phan Thị Sao Lưu',
      status: 'valid',
    });
    const restoredPdf = await after.http
      .get(`/api/certificates/${cert.id}/pdf`)
      .set('Authorization', holderToken)
      .expect(200);
    expect(Buffer.compare(restoredPdf.body, pdf.body)).toBe(0);
    const mine = await after.http
      .get('/api/me/certificates')
      .set('Authorization', holderToken)
      .expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ id: cert.id, status: 'issued' })]);
    const audit = await after.http
      .get('/api/audit-log')
      .query({ action: 'user.created', actorId: admin.id })
      .set('Authorization', await after.tokenFor(admin.username))
      .expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ targetId: created.body.id })]);
    // Counters continue where they were: the next serial is not a duplicate.
    const next = await issuedCertificate(after, {
      holder,
      issuer: a1,
      title: 'Khóa học sau khôi phục',
    });
    expect(next.serial).not.toBe(cert.serial);
  });
});
