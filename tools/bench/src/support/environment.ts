import { redisOptionsFromUrl } from '@dx/config';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import Redis from 'ioredis';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import {
  freePort,
  Service,
  startService,
  stopService,
  testCaSignedPkcs12,
  waitForHttp,
  waitForOutput,
} from '@dx/testing';
import { API_MAIN, cpuSeconds, ROOT, WORKER_MAIN } from './processes';

const BENCH_P12_PASSWORD = 'bench-pdf-signing';

/** A test CA and the PDF-signing PKCS#12 it issued, in a folder of the storage directory. */
function testCaDir(storageDir: string): string {
  const dir = mkdtempSync(join(storageDir, 'pdf-ca-'));
  testCaSignedPkcs12(dir, BENCH_P12_PASSWORD);
  return dir;
}

/**
 * One throw-away installation for a benchmark: a fresh migrated database, its own queue
 * prefix and storage directory, and the BUILT api/worker processes started as production
 * runs them. `close()` undoes everything (processes, database, Redis keys, files).
 */
export class BenchEnvironment {
  readonly prefix = `dxbench-${randomSuffix()}`;
  readonly storageDir = mkdtempSync(join(tmpdir(), 'dx-bench-'));
  readonly redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  private readonly services: Service[] = [];
  private readonly apis = new Map<string, Service>();
  private readonly env: Record<string, string>;
  /** Direct access for seeding and counting (a few connections; the apps have their own). */
  readonly pg: Pool;

  private constructor(
    readonly databaseUrl: string,
    /** False for a database on a server of the section's own (dropped with that server). */
    private readonly ownsDatabase = true,
  ) {
    this.pg = new Pool({ connectionString: databaseUrl, max: 4 });
    this.env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.prefix,
      STORAGE_DIR: this.storageDir,
      JWT_SECRET: randomBytes(24).toString('hex'),
      CERT_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      // Production signs certificate PDFs only with a CA's certificate: a test CA's here.
      CERT_PDF_P12: join(testCaDir(this.storageDir), 'signer.p12'),
      CERT_PDF_P12_PASSWORD: BENCH_P12_PASSWORD,
      SEED_DEMO: 'false',
      // Thousands of sign-ins from one address are the benchmark, not an attack.
      LOGIN_MAX_FAILURES: '1000000',
      // Benchmarks sign hr and sysadmin in with a password, as a script would.
      MFA_REQUIRED_ROLES: 'none',
      JWT_TTL: '1h',
      WEB_DIST_DIR: join(ROOT, 'dist/apps/web'),
      // Required in production; each API gets its own address, the worker this placeholder.
      PUBLIC_BASE_URL: 'https://bench.dx-academy.invalid',
    };
  }

  static async create(name: string): Promise<BenchEnvironment> {
    return new BenchEnvironment(await createTestDatabase(`dx_bench_${name}`));
  }

  /**
   * An environment on an existing, empty database of a server the section started itself
   * (e.g. the primary of a replica pair): the first API started migrates it, and `close()`
   * leaves the database to that server's own teardown.
   */
  static attach(databaseUrl: string): BenchEnvironment {
    return new BenchEnvironment(databaseUrl, false);
  }

  /**
   * Starts one built API process; resolves with its base URL once /api/health answers.
   * `nodeArgs` (e.g. `--cpu-prof`) help find where a route's time goes; `extraEnv` changes
   * its configuration (e.g. DATABASE_URL through a pooler).
   */
  async startApi(nodeArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<string> {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = startService(`api:${port}`, [...nodeArgs, API_MAIN], {
      ...this.env,
      ...extraEnv,
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
    });
    this.services.push(api);
    this.apis.set(baseUrl, api);
    await waitForHttp(`${baseUrl}/api/health`, api, 180_000); // a busy shared machine migrates slowly
    return baseUrl;
  }

  /**
   * Starts one built worker process (`extraEnv`: e.g. SMTP_URL; `nodeArgs`: e.g. `--cpu-prof`);
   * resolves with its pid once it is ready (for its memory and CPU figures from /proc).
   */
  async startWorker(extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<number> {
    const worker = startService(`worker:${this.services.length}`, [...nodeArgs, WORKER_MAIN], {
      ...this.env,
      ...extraEnv,
      // Its one "Ready" line is how we know it started; it logs nothing per job.
      LOG_LEVEL: 'log',
    });
    this.services.push(worker);
    await waitForOutput(worker, /Ready: processing queues/, 180_000); // busy machine: slow boot
    return worker.child.pid as number;
  }

  /** CPU seconds (user + system) the API process at `baseUrl` has used so far. */
  apiCpuSeconds(baseUrl: string): number {
    const api = this.apis.get(baseUrl);
    return api?.child.pid ? cpuSeconds(api.child.pid) : Number.NaN;
  }

  /** The JWT secret the apps of this environment sign access tokens with. */
  get jwtSecret(): string {
    return this.env.JWT_SECRET;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg.query(sql, params)).rows as T[];
  }

  async close(): Promise<void> {
    const problems: unknown[] = [];
    const attempt = async (step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (err) {
        problems.push(err);
      }
    };
    await Promise.all(this.services.map((s) => attempt(() => stopService(s))));
    await attempt(() => this.pg.end());
    if (this.ownsDatabase) await attempt(() => dropTestDatabase(this.databaseUrl));
    await attempt(async () => {
      const redis = new Redis(redisOptionsFromUrl(this.redisUrl));
      try {
        const keys = await redis.keys(`${this.prefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    });
    rmSync(this.storageDir, { recursive: true, force: true });
    if (problems.length) console.warn('cleanup problems:', ...problems);
  }
}

/** Runs `body` in a fresh environment that is always closed afterwards, even on failure. */
export async function withEnvironment<T>(
  name: string,
  body: (env: BenchEnvironment) => Promise<T>,
): Promise<T> {
  const env = await BenchEnvironment.create(name);
  try {
    return await body(env);
  } finally {
    await env.close();
  }
}
