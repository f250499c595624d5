import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The workspace root: built apps and entry points are started from here, as `npm start` does. */
export const WORKSPACE_ROOT = join(__dirname, '../../..');
const MAX_OUTPUT = 50_000;

/** A child process whose last output is kept, to explain a failed start. */
export interface Service {
  name: string;
  child: ChildProcess;
  output(): string;
}

/** Runs `node <args>` from the workspace root with `env` added to this process's environment. */
export function startService(name: string, args: string[], env: Record<string, string>): Service {
  let captured = '';
  const child = spawn(process.execPath, args, {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    captured = (captured + chunk.toString('utf8')).slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => captured };
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Polls `url` until it answers 200; fails early when the process dies. */
export async function waitForHttp(
  url: string,
  service: Service,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let problem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited(service.child)) {
      throw new Error(`${service.name} exited before answering ${url}:\n${service.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      problem = `HTTP ${res.status}`;
    } catch (err) {
      problem = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} not ready at ${url} (${problem}):\n${service.output()}`);
}

/** Waits until the process logs `pattern` (e.g. the worker's "Ready"). */
export async function waitForOutput(service: Service, pattern: RegExp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(service.output())) {
    if (exited(service.child)) throw new Error(`${service.name} exited:\n${service.output()}`);
    if (Date.now() > deadline) throw new Error(`${service.name} not ready:\n${service.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM (graceful shutdown hooks), then SIGKILL if the process lingers. */
export async function stopService(service: Service, graceMs = 10_000): Promise<void> {
  const { child } = service;
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}
