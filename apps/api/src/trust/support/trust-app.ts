import { redisOptionsFromUrl } from '@dx/config';
import { randomSuffix } from '@dx/db/testing';
import Redis from 'ioredis';
import { createTestApp, TestApp } from '../../test/test-app';

/**
 * A real outside service that some routes need switched on (an identity provider): started
 * once per suite, before the API, whose settings it adds to the API's; stopped after it.
 */
export interface TrustService {
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** Options of a trust suite (the matrix or the fuzz of one rule table). */
export interface TrustSuiteOptions {
  service?: TrustService;
}

/**
 * The real API on a queue prefix of the spec's own, so no other spec's worker takes its
 * jobs and its keys can be removed afterwards.
 */
export async function createTrustApp(
  overrides: Record<string, string> = {},
): Promise<{ t: TestApp; prefix: string }> {
  const prefix = `${process.env.DX_TEST_QUEUE_PREFIX ?? 'dxtest'}-trust-${randomSuffix()}`;
  const t = await createTestApp({ QUEUE_PREFIX: prefix, ...overrides });
  return { t, prefix };
}

export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisOptionsFromUrl(redisUrl));
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
