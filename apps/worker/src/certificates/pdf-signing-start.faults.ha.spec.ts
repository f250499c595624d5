import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { selfSignedPkcs12 } from '@dx/certificate-pdf';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../../../..');

/** Runs the real worker entry point until it exits; everything it printed. */
function runWorker(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/worker/tsconfig.app.json', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

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
    const { code, output } = await runWorker({
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
    expect(lines[0]).toMatch(/CERT_PDF_P12: cannot open the PKCS#12 file \(wrong CERT_PDF_P12_PASSWORD or a corrupt file\)/);
    // Nothing but that line explains the failure: no stack trace follows it.
    expect(output).not.toMatch(/\n\s+at /);
  });
});
