import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';

/** A TCP port that was free a moment ago on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the child process has exited (at once if it already has). */
export function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/**
 * Polls `check` every `every` ms until it returns true; throws after `ms`, naming `what` and
 * the last error `check` threw (a probe against a server that is still down may throw).
 */
export async function eventually(
  check: () => Promise<boolean>,
  ms = 20_000,
  every = 100,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${(lastError as Error).message ?? lastError})` : '';
      throw new Error(`${what}: not met within ${ms} ms${cause}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}

/** A private, throw-away Redis on `port` (nothing persisted), for fault tests. */
export function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
}

/**
 * A server on loopback that accepts connections and never answers: a database that is
 * "there" but stuck, the case where a client without a connect timeout waits forever.
 */
export async function blackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise((r) => server.close(() => r()));
    },
  };
}
