import type { AppConfig } from '@dx/config';
import { retryDelayMs } from './send-mail.processor';

describe('mail retry delay', () => {
  const config = { mail: { retryMaxSeconds: 300 } } as AppConfig;

  it('doubles from one second and stops at MAIL_RETRY_MAX_SECONDS', () => {
    expect([1, 2, 3, 4, 9, 10].map((n) => retryDelayMs(config, n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 256_000, 300_000,
    ]);
    expect(retryDelayMs(config, Number.MAX_SAFE_INTEGER)).toBe(300_000);
  });
});
