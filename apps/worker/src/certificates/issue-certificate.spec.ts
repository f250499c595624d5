import { certificateJobId } from '@dx/contracts';
import { CertificateEntity, CertificateEventEntity, OutboxEntity } from '@dx/db';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { eventually, requestCertificates } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';
import { CertificateIssuerService } from './certificate-issuer.service';
import { IssueCertificateProcessor } from './issue-certificate.processor';

describe('certificate issuance (real worker, Redis and PostgreSQL)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_cert',
    storagePrefix: 'dx-worker-storage-',
    // The QR code on the PDF points here.
    // A lock setting of its own: the worker must take it from the config.
    env: { PUBLIC_BASE_URL: 'https://dx.example.gov.vn', QUEUE_LOCK_DURATION_MS: '45000' },
  });
  const { storageDir } = worker;
  let db: DataSource;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
  });

  afterAll(() => worker.stop());

  it('runs its BullMQ worker with the lock settings of the validated config', () => {
    const { opts } = worker.app.get(IssueCertificateProcessor).worker;
    expect(opts).toMatchObject({ concurrency: 4, lockDuration: 45_000, stalledInterval: 45_000 });
  });

  it('issues a requested certificate: serial, signature, and a PDF with Vietnamese text, embedded fonts and a QR code', async () => {
    const { certificates } = await requestCertificates(db, 1, 'Trần Thị Bích Ngọc');
    const id = certificates[0].id;
    await eventually(
      async () =>
        (await db.getRepository(CertificateEntity).findOneByOrFail({ id })).pdfKey !== null,
    );

    const cert = await db.getRepository(CertificateEntity).findOneByOrFail({ id });
    expect(cert).toMatchObject({
      status: 'issued',
      serial: expect.stringMatching(/^CDS-\d{4}-\d{6}$/),
      registerNumber: 1,
    });
    expect(cert.signature).toEqual(expect.any(String));
    expect(cert.kid).toMatch(/^k-/);
    expect(cert.verifyCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cert.statusListIndex).toBeGreaterThanOrEqual(0);
    const outbox = await db
      .getRepository(OutboxEntity)
      .findOneByOrFail({ jobId: certificateJobId(id) });
    expect(outbox.sentAt).not.toBeNull();

    const file = join(storageDir, cert.pdfKey as string);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    expect(text).toContain('Trần Thị Bích Ngọc');
    expect(text).toContain('Chuyển đổi số cơ bản cho cán bộ, công chức');
    expect(text).toContain(cert.serial);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/BeVietnamPro.*yes\s+yes\s+yes/);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(storageDir, 'qr')]);
    const qr = execFileSync('zbarimg', ['-q', '--raw', join(storageDir, 'qr.png')], {
      encoding: 'utf8',
    }).trim();
    expect(qr).toBe(`https://dx.example.gov.vn/verify/${cert.serial}?c=${cert.verifyCode}`);
    // Signed as a PDF (PAdES) with the self-signed certificate the worker made and kept.
    const sig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('ETSI.CAdES.detached');
    expect(text).not.toContain('Chữ ký số');
  });

  it('issues once when the same job runs twice at the same time', async () => {
    const { certificates } = await requestCertificates(db, 1, 'Lê Văn Hai', { outbox: false });
    const issuer = worker.app.get(CertificateIssuerService);
    const outcomes = await Promise.all([
      issuer.issue(certificates[0].id),
      issuer.issue(certificates[0].id),
    ]);
    expect(outcomes.sort()).toEqual(['already-issued', 'issued']);
    const events = await db
      .getRepository(CertificateEventEntity)
      .countBy({ certificateId: certificates[0].id, type: 'issued' });
    expect(events).toBe(1);
  });

  // Issued directly (no outbox row, so the in-process worker stays out of it): 50 issuers
  // racing for the same counters.
  it('numbers 50 concurrent issues without gaps or duplicates', async () => {
    const { certificates } = await requestCertificates(db, 50, 'Phạm Thị Ba', { outbox: false });
    const issuer = worker.app.get(CertificateIssuerService);
    await Promise.all(certificates.map((c) => issuer.issue(c.id)));
    const issued = await db
      .getRepository(CertificateEntity)
      .findBy({ id: In(certificates.map((c) => c.id)) });
    const numbers = issued.map((c) => Number(c.serial?.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers[49] - numbers[0]).toBe(49);
    const registers = issued.map((c) => c.registerNumber).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(registers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 120_000);
});
