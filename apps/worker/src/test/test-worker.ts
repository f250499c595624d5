import { AppConfig, loadAppConfig, redisOptionsFromUrl } from '@dx/config';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { SmtpTestServer } from '@dx/testing';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../worker.module';

/** The worker a spec runs against; app, db and config are there once start() has run. */
export interface TestWorker {
  readonly app: INestApplicationContext;
  readonly db: DataSource;
  readonly config: AppConfig;
  /** Where the worker writes its files (PDFs, exports); left for the OS to clear. */
  readonly storageDir: string;
  /** The mail server the worker sends to (`SMTP_URL`), with `smtp: true`; started by start(). */
  readonly smtp: SmtpTestServer;
  /** For beforeAll: makes the database, then boots the worker on it. */
  start(): Promise<void>;
  /** For afterAll: undoes what start() got to, even when it failed half-way. */
  stop(): Promise<void>;
}

/**
 * The real WorkerModule, booted in this process on a database of its own, a queue prefix of
 * its own on the shared Redis (so parallel specs never take each other's jobs) and a fresh
 * storage dir; stop() closes it, drops the database and deletes the prefix's keys. The spec
 * registers the hooks (this file is built with the app, without jest's globals):
 *
 *   const worker = createTestWorker({ … });
 *   beforeAll(() => worker.start());
 *   afterAll(() => worker.stop());
 */
export function createTestWorker({
  databasePrefix,
  storagePrefix,
  env = {},
  smtp: withSmtp = false,
}: {
  /** Names the test database, to tell whose it is if one is left behind. */
  databasePrefix: string;
  storagePrefix: string;
  env?: Record<string, string>;
  /**
   * Starts a real SMTP server (SmtpTestServer) before the worker and points `SMTP_URL` at it:
   * its port is known only then, and the worker reads its config once, when it starts.
   */
  smtp?: boolean;
}): TestWorker {
  const prefix = `dxtest-${randomSuffix()}`;
  const storageDir = mkdtempSync(join(tmpdir(), storagePrefix));
  let databaseUrl: string;
  let config: AppConfig;
  let app: INestApplicationContext;
  let db: DataSource;
  let smtp: SmtpTestServer | undefined;

  async function start() {
    if (withSmtp) smtp = await SmtpTestServer.create();
    databaseUrl = await createTestDatabase(databasePrefix);
    config = loadAppConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: 'x'.repeat(40),
      STORAGE_DIR: storageDir,
      LOG_LEVEL: 'error',
      ...env,
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
      abortOnError: false,
    });
    app.enableShutdownHooks();
    db = app.get(getDataSourceToken());
  }

  async function stop() {
    try {
      await app?.close();
      if (databaseUrl) await dropTestDatabase(databaseUrl);
      if (config) {
        const redis = new Redis(redisOptionsFromUrl(config.redisUrl));
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
    } finally {
      await smtp?.stop();
    }
  }

  return {
    get app() {
      return app;
    },
    get db() {
      return db;
    },
    get config() {
      return config;
    },
    get smtp() {
      if (!smtp) throw new Error('createTestWorker: no SMTP server (pass smtp: true)');
      return smtp;
    },
    storageDir,
    start,
    stop,
  };
}
