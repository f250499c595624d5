import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedPkcs12 } from '@dx/certificate-pdf';
import { runWorkerUntilExit } from '../test/worker-process';

jest.setTimeout(120_000);

describe('worker start with a bad PKCS#12 for PDF signatures', () => {
  let databaseUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'dx-bad-p12-'));

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_worker_p12');
  });
  afterAll(async () => {
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it.each([
    ['a corrupt file', 'corrupt.p12', Buffer.from('this is not PKCS#12'), 'x'],
    ['a wrong password', 'good.p12', selfSignedPkcs12('Kiem tra', 'dung-mat-khau'), 'sai-mat-khau'],
  ])('%s stops the worker at start with one clear line', async (_what, name, content, password) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const { code, output } = await runWorkerUntilExit({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'x'.repeat(40),
      STORAGE_DIR: dir,
      QUEUE_PREFIX: `dxtest-p12-${name}`,
      CERT_PDF_P12: file,
      CERT_PDF_P12_PASSWORD: password,
    });
    expect(code).toBe(1);
    const lines = output.split('\n').filter((l) => l.includes('CERT_PDF_P12'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /CERT_PDF_P12: cannot open the PKCS#12 file \(wrong CERT_PDF_P12_PASSWORD or a corrupt file\)/,
    );
    // Nothing but that line explains the failure: no stack trace follows it.
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('production without CERT_PDF_P12 stops the worker at start with one clear line', async () => {
    const { code, output } = await runWorkerUntilExit({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'x'.repeat(40),
      CERT_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      PUBLIC_BASE_URL: 'https://hoctap.example.gov.vn',
      STORAGE_DIR: dir,
      QUEUE_PREFIX: 'dxtest-p12-missing',
    });
    expect(code).toBe(1);
    const lines = output.split('\n').filter((l) => l.includes('CERT_PDF_P12'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/CERT_PDF_P12: required in production/);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
