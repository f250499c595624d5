// Chooses a Redis server for dev-env.mjs, starting a project-local one when needed.
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { LOCAL, capture, fail, log, redact, sleep, which } from './util.mjs';

export const LOCAL_REDIS_PORT = 63790;
const DEFAULT_PROBE = 'redis://127.0.0.1:6379';
const localUrl = () => `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
const SBIN = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];

const resp = (...args) =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Sends (AUTH and) PING over a raw socket; resolves with null on +PONG, else an error text. */
export function pingRedis(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      return resolve('not a valid redis:// URL');
    }
    const secure = u.protocol === 'rediss:';
    const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = Number(u.port || 6379);
    const socket = secure
      ? tls.connect({ host, port, servername: host })
      : net.connect({ host, port });
    let buffer = '';
    const done = (result) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      let payload = '';
      const password = decodeURIComponent(u.password);
      if (password)
        payload += u.username
          ? resp('AUTH', decodeURIComponent(u.username), password)
          : resp('AUTH', password);
      socket.write(payload + resp('PING'));
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const error = buffer.split('\r\n').find((line) => line.startsWith('-'));
      if (error) done(error.slice(1));
      else if (buffer.includes('+PONG\r\n')) done(null);
    });
    socket.on('error', (err) => done(err.code || err.message));
  });
}

/** Resolves with { url, source } for a reachable server or { needsStart, packages }. */
export async function planRedis() {
  const given = process.env.REDIS_URL;
  if (given) {
    const err = await pingRedis(given);
    if (!err) return { url: given, source: 'REDIS_URL' };
    fail(
      `REDIS_URL (${redact(given)}) did not answer PING: ${err} — start that server, fix the URL, or unset REDIS_URL to use a local one`,
    );
  }
  const probe = process.env.DX_REDIS_PROBE_URL || DEFAULT_PROBE;
  const err = await pingRedis(probe);
  if (!err) return { url: probe, source: 'existing server' };
  if (!(await pingRedis(localUrl())))
    return { url: localUrl(), source: 'project-local server, already running' };
  log(
    `no Redis at ${redact(probe)} (${err}); using a project-local server on port ${LOCAL_REDIS_PORT}`,
  );
  return { needsStart: true, packages: which('redis-server', SBIN) ? [] : ['redis-server'] };
}

/** Starts a daemonised, non-persistent redis-server on 127.0.0.1:63790; resolves with its URL. */
export async function startLocalRedis() {
  const bin = which('redis-server', SBIN);
  if (!bin) fail('redis-server not found: apt-get install redis-server (or set REDIS_URL)');
  const dir = join(LOCAL, 'redis');
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'redis.log');
  const args = [
    '--port',
    String(LOCAL_REDIS_PORT),
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'yes',
    '--dir',
    dir,
  ];
  args.push(
    '--save',
    '',
    '--appendonly',
    'no',
    '--logfile',
    logFile,
    '--pidfile',
    join(dir, 'redis.pid'),
  );
  const res = capture(bin, args);
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    fail(`could not start redis-server on port ${LOCAL_REDIS_PORT}: see ${logFile}`);
  }
  for (let i = 0; i < 40; i++) {
    if (!(await pingRedis(localUrl()))) {
      log(`started project-local Redis on 127.0.0.1:${LOCAL_REDIS_PORT} (log in ${logFile})`);
      return localUrl();
    }
    await sleep(250);
  }
  fail(`redis-server started but does not answer PING on port ${LOCAL_REDIS_PORT}: see ${logFile}`);
}
