// Jest loads globalSetup without its moduleNameMapper, so the lib is imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { redisOptionsFromUrl } from '../../../../libs/config/src/lib/redis-options';
// Jest loads globalSetup without its moduleNameMapper, so the lib is imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { dropTestDatabase } from '../../../../libs/db/src/testing';
import Redis from 'ioredis';
import { rmSync } from 'node:fs';
import { trustSummary } from '../trust/support/trust-stats';

export default async function globalTeardown(): Promise<void> {
  const statsDir = process.env.DX_TRUST_STATS_DIR;
  if (statsDir) {
    const summary = trustSummary(statsDir);
    if (summary) console.log(`\n${summary}`);
    rmSync(statsDir, { recursive: true, force: true });
  }
  if (process.env.DX_TEST_DATABASE_URL) await dropTestDatabase(process.env.DX_TEST_DATABASE_URL);
  const prefix = process.env.DX_TEST_QUEUE_PREFIX;
  if (!prefix) return;
  const redis = new Redis(redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
