import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { runAdminSql } from './pg';

function stop(api: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => api.kill('SIGKILL'), timeoutMs);
    api.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    api.kill('SIGTERM');
  });
}

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__DX_E2E__;
  if (!run) return;
  globalThis.__DX_E2E__ = undefined;
  const { api, worker, smtp, oidc, state, stateFile } = run;

  // The worker first: it must not pick up jobs against a database about to be dropped.
  if (worker) await stop(worker);
  await stop(api);
  await Promise.all([smtp.stop(), oidc.stop()]);
  try {
    await runAdminSql(
      state.adminDatabaseUrl,
      `DROP DATABASE IF EXISTS "${state.databaseName}" WITH (FORCE)`,
    );
  } finally {
    rmSync(state.storageDir, { recursive: true, force: true });
    rmSync(state.mailDir, { recursive: true, force: true });
    rmSync(stateFile, { force: true });
  }
}
