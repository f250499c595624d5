import { AppConfig, loadAppConfig } from '@dx/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../create-api-app';
import { Factories } from './factories';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: DataSource;
  http: ReturnType<typeof request>;
  make: Factories;
  /** Signs in through the real endpoint and returns an Authorization header value. */
  tokenFor(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const databaseUrl = process.env.DX_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('DX_TEST_DATABASE_URL is missing: run through jest globalSetup');
  return loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: process.env.DX_TEST_QUEUE_PREFIX ?? 'dxtest',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'dx-storage-')),
    WEB_DIST_DIR: join(tmpdir(), 'dx-no-web-build'),
    LOG_LEVEL: 'warn',
    ADMIN_USERNAME: '',
    SEED_DEMO: 'false',
    // Specs import many files as one user; the throttle's own spec sets a low limit.
    USER_IMPORT_MAX: '10000',
    // Every spec calls the public endpoints from 127.0.0.1; the limit's own spec sets a low one.
    PUBLIC_RATE_LIMIT_MAX: '100000',
    ...overrides,
  });
}

/** Boots the real API (real Postgres, real Redis) for an integration spec. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await createApiApp(config);
  const db = app.get<DataSource>(getDataSourceToken());
  const http = request(app.getHttpServer());
  const make = new Factories(db);
  return {
    app,
    config,
    db,
    http,
    make,
    async tokenFor(username, password = Factories.PASSWORD) {
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.accessToken}`;
    },
    close: () => app.close(),
  };
}
