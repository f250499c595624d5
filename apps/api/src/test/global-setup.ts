// Jest loads globalSetup without its moduleNameMapper, so the lib is imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, randomSuffix } from '../../../../libs/db/src/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One database and one queue prefix per test run, so two runs on one machine never
 * collide. Jest workers inherit these variables.
 */
export default async function globalSetup(): Promise<void> {
  process.env.DX_TEST_DATABASE_URL = await createTestDatabase('dx_test_api');
  process.env.DX_TEST_QUEUE_PREFIX = `dxtest-${randomSuffix()}`;
  // The trust suite's specs write their counts here; globalTeardown prints the sum.
  process.env.DX_TRUST_STATS_DIR = mkdtempSync(join(tmpdir(), 'dx-trust-stats-'));
}
