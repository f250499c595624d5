import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What global setup hands to the tests and to global teardown. */
export interface E2eState {
  baseUrl: string;
  adminUsername: string;
  adminPassword: string;
  databaseUrl: string;
  adminDatabaseUrl: string;
  databaseName: string;
  storageDir: string;
  apiPid: number;
  /** The worker (certificates, reports), started after the API is healthy. */
  workerPid: number;
  /** Every mail the SMTP server accepted, one JSON `SpooledMail` file each (see mailbox.ts). */
  mailDir: string;
  /** The OpenID provider the API's single sign-on uses (test/next-account chooses who). */
  oidcIssuer: string;
}

/** Env var naming the state file; jest workers inherit the env of the process that set it. */
export const STATE_FILE_ENV = 'DX_E2E_STATE_FILE';

export function stateFilePath(runId: string): string {
  return join(tmpdir(), `dx-e2e-${runId}.json`);
}

export function readE2eState(): E2eState {
  const file = process.env[STATE_FILE_ENV];
  if (!file) throw new Error(`${STATE_FILE_ENV} is not set: run through jest's globalSetup`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}
