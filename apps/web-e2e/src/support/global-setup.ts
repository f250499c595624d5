import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STATE_FILE_ENV, stateFilePath, type E2eState } from './e2e-env';
import { runAdminSql, withDatabase } from './pg';
// Jest loads globalSetup without its moduleNameMapper, so the lib is imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../../libs/testing/src/processes';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { OidcTestProvider } from '../../../../libs/testing/src/oidc-provider';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { SmtpTestServer } from '../../../../libs/testing/src/smtp-server';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { testCaSignedPkcs12 } from '../../../../libs/testing/src/pdf-signing-ca';
import { spoolMail } from './mailbox';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const PDF_P12_PASSWORD = 'e2e-pdf-signing';

/** The PKCS#12 file a test CA issued for signing certificate PDFs. */
function pdfSigningP12(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dx-e2e-pdf-ca-'));
  testCaSignedPkcs12(dir, PDF_P12_PASSWORD);
  return join(dir, 'signer.p12');
}
// Overridable to run the suite against another build of the API.
const API_MAIN = resolve(
  WORKSPACE_ROOT,
  process.env.DX_E2E_API_MAIN ?? 'dist/apps/api/apps/api/src/main.js',
);
const WORKER_MAIN = resolve(
  WORKSPACE_ROOT,
  process.env.DX_E2E_WORKER_MAIN ?? 'dist/apps/worker/apps/worker/src/main.js',
);
const WEB_DIST = join(WORKSPACE_ROOT, 'dist/apps/web');
// A migrating API on a busy machine (shared CI runners, parallel checkouts) can take
// longer than a minute to answer: overridable, like the builds above.
const HEALTH_TIMEOUT_MS = Number(process.env.DX_E2E_START_TIMEOUT_MS ?? 120_000);
const WORKER_READY_TIMEOUT_MS = HEALTH_TIMEOUT_MS;
/** What the worker logs once every queue has its processor. */
const WORKER_READY = /Ready: processing queues/;
const MAX_CAPTURED_OUTPUT = 200_000;

declare global {
  // Shared with global-teardown, which runs in the same process.
  var __DX_E2E__:
    | {
        api: ChildProcess;
        worker: ChildProcess | null;
        smtp: SmtpTestServer;
        oidc: OidcTestProvider;
        state: E2eState;
        stateFile: string;
      }
    | undefined;
}

/** A password any reasonable policy accepts: upper, lower, digit, symbol, 20+ chars. */
function strongPassword(): string {
  return `Dx!9a${randomBytes(18).toString('base64url')}`;
}

async function waitForHealth(baseUrl: string, api: ChildProcess, output: () => string) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (api.exitCode !== null || api.signalCode !== null) {
      throw new Error(
        `API exited (${api.exitCode ?? api.signalCode}) before becoming healthy. Output:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `API not healthy after ${HEALTH_TIMEOUT_MS / 1000}s (${lastProblem}). Output:\n${output()}`,
  );
}

/** Waits for the worker's "Ready" line: certificates and reports need it running. */
async function waitForWorker(worker: ChildProcess, output: () => string) {
  const deadline = Date.now() + WORKER_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null || worker.signalCode !== null) {
      throw new Error(
        `Worker exited (${worker.exitCode ?? worker.signalCode}) before becoming ready. Output:\n${output()}`,
      );
    }
    if (WORKER_READY.test(output())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `Worker not ready after ${WORKER_READY_TIMEOUT_MS / 1000}s. Output:\n${output()}`,
  );
}

export default async function globalSetup(): Promise<void> {
  const adminDatabaseUrl = process.env.DATABASE_URL;
  if (!adminDatabaseUrl) throw new Error('DATABASE_URL must point at a Postgres server');
  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} is missing: build it first (npx nx build api)`);
  }
  if (!existsSync(WORKER_MAIN)) {
    throw new Error(`${WORKER_MAIN} is missing: build it first (npx nx build worker)`);
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: build it first (npx nx build web)`);
  }

  const runId = randomBytes(6).toString('hex');
  const databaseName = `dx_e2e_${runId}`;
  await runAdminSql(adminDatabaseUrl, `CREATE DATABASE "${databaseName}"`);
  const databaseUrl = withDatabase(adminDatabaseUrl, databaseName);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'dx-e2e-storage-'));
  const adminUsername = 'admin.e2e';
  const adminPassword = strongPassword();
  // A real mail server and identity provider: the accounts journey reads mail and signs on.
  const mailDir = mkdtempSync(join(tmpdir(), 'dx-e2e-mail-'));
  const smtp = await SmtpTestServer.create({ onMessage: (mail) => spoolMail(mailDir, mail) });
  const oidcClient = {
    client_id: 'dx-academy-e2e',
    client_secret: randomBytes(16).toString('hex'),
  };
  const oidc = await OidcTestProvider.start({
    clients: [{ ...oidcClient, redirect_uris: [`${baseUrl}/api/auth/oidc/callback`] }],
    accounts: {},
  });

  // The API and the worker share one configuration (database, queues, storage, signing key).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `dxe2e-${runId}`,
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    ADMIN_USERNAME: adminUsername,
    ADMIN_PASSWORD: adminPassword,
    SEED_DEMO: 'false',
    // Browser tests sign the admin in with a password; the two-factor test enrols its own.
    MFA_REQUIRED_ROLES: 'none',
    JWT_SECRET: randomBytes(24).toString('hex'),
    // Production mode requires its own certificate-signing key (Ed25519, PKCS#8 PEM).
    CERT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    // Production signs certificate PDFs only with a CA's certificate: a test CA's here.
    CERT_PDF_P12: pdfSigningP12(),
    CERT_PDF_P12_PASSWORD: PDF_P12_PASSWORD,
    STORAGE_DIR: storageDir,
    WEB_DIST_DIR: WEB_DIST,
    SMTP_URL: smtp.url,
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidcClient.client_id,
    OIDC_CLIENT_SECRET: oidcClient.client_secret,
  };

  let captured = '';
  const api = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const capture = (chunk: Buffer) => {
    captured = (captured + chunk.toString('utf8')).slice(-MAX_CAPTURED_OUTPUT);
  };
  api.stdout?.on('data', capture);
  api.stderr?.on('data', capture);

  const state: E2eState = {
    baseUrl,
    adminUsername,
    adminPassword,
    databaseUrl,
    adminDatabaseUrl,
    databaseName,
    storageDir,
    apiPid: api.pid ?? -1,
    workerPid: -1,
    mailDir,
    oidcIssuer: oidc.issuer,
  };
  const stateFile = stateFilePath(runId);
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  process.env[STATE_FILE_ENV] = stateFile;
  globalThis.__DX_E2E__ = { api, worker: null, smtp, oidc, state, stateFile };

  try {
    await waitForHealth(baseUrl, api, () => captured);
    // Started once the API has migrated the database. Without it certificates stay
    // pending and report jobs wait forever.
    let workerOutput = '';
    const worker = spawn(process.execPath, [WORKER_MAIN], {
      cwd: WORKSPACE_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const captureWorker = (chunk: Buffer) => {
      workerOutput = (workerOutput + chunk.toString('utf8')).slice(-MAX_CAPTURED_OUTPUT);
    };
    worker.stdout?.on('data', captureWorker);
    worker.stderr?.on('data', captureWorker);
    globalThis.__DX_E2E__.worker = worker;
    state.workerPid = worker.pid ?? -1;
    writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
    await waitForWorker(worker, () => workerOutput);
  } catch (error) {
    // Jest skips globalTeardown when globalSetup throws: clean up here.
    const { default: globalTeardown } = await import('./global-teardown');
    await globalTeardown();
    throw error;
  }
}
