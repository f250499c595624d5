import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

// Ports, Redis, polling and stuck servers come from @dx/testing; only what knows the API's
// entry point stays here.

const ROOT = join(__dirname, '../../../../..');

/** The real API entry point (apps/api/src/main.ts) in a child process, output collected. */
export function startApiProcess(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
} {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d) => (text += d));
  child.stderr?.on('data', (d) => (text += d));
  return { child, output: () => text };
}
