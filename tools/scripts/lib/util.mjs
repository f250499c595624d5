// Small helpers shared by dev-env.mjs and its service modules (Node built-ins only).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const LOCAL = join(ROOT, '.local');
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Thrown for expected failures; dev-env.mjs prints the message as one line and exits 1. */
export class BootstrapError extends Error {}
export const fail = (message) => {
  throw new BootstrapError(message);
};

export const log = (message) => console.log(`[dev-env] ${message}`);
/** Hides the password of a URL for printing. */
export const redact = (url) => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Absolute path of an executable found on PATH (or in extra dirs), or null. */
export function which(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/** Runs a command synchronously with inherited stdio; returns the exit status. */
export function runSync(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (res.error) return { status: 127, error: res.error };
  return { status: res.status ?? 1, signal: res.signal };
}

/** Runs a command silently; returns { status, stdout, stderr }. */
export function capture(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', cwd: ROOT, ...options });
  return {
    status: res.error ? 127 : (res.status ?? 1),
    stdout: res.stdout ?? '',
    stderr: res.stderr ?? '',
  };
}

/**
 * Runs a command with inherited stdio and resolves with its exit code. While it runs, this
 * process ignores SIGINT/SIGTERM it would otherwise die of and forwards SIGTERM (Ctrl-C already
 * reaches the child through the terminal's process group).
 */
export function runToExit(cmd, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: ROOT, env });
    const onInt = () => undefined; // Ctrl-C reaches the child too: it decides, we wait
    const onTerm = () => child.kill('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', (err) => {
      console.error(`[dev-env] could not run ${cmd}: ${err.message}`);
      resolvePromise(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolvePromise(code ?? 128 + (signal === 'SIGINT' ? 2 : 15));
    });
  });
}

export const exists = (p) => existsSync(p);
