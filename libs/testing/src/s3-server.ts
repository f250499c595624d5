import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { freePort, stopped } from './processes';

/**
 * A real S3-protocol server (s3rver, from npm) in a child process on a loopback port, with
 * one bucket. Being a process of its own, a test can kill it mid-request (`kill()`) and
 * bring it back on the same port and data (`start()`), as an outage of the store would.
 */
export class S3TestServer {
  private child: ChildProcess | null = null;
  readonly directory = mkdtempSync(join(tmpdir(), 'dx-s3rver-'));

  private constructor(
    readonly port: number,
    readonly bucket: string,
  ) {}

  static async start(bucket = 'dx-test'): Promise<S3TestServer> {
    const server = new S3TestServer(await freePort(), bucket);
    await server.start();
    return server;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** STORAGE_URL for this server (s3rver accepts the keys S3RVER / S3RVER). */
  storageUrl(prefix = ''): string {
    const path = prefix ? `/${prefix}` : '';
    return `s3://S3RVER:S3RVER@${this.bucket}${path}?region=us-east-1&endpoint=${encodeURIComponent(this.endpoint)}`;
  }

  async start(): Promise<void> {
    const bin = require.resolve('s3rver/bin/s3rver.js');
    const child = spawn(
      process.execPath,
      [
        bin,
        '-d',
        this.directory,
        '-a',
        '127.0.0.1',
        '-p',
        String(this.port),
        '--silent',
        '--configure-bucket',
        this.bucket,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    const deadline = Date.now() + 15_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`s3rver exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline)
        throw new Error(`s3rver did not listen on ${this.port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: the store vanishes with requests in flight, as in a crash or a cut network. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await stopped(child);
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
