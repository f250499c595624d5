import type { Response } from 'supertest';

/**
 * What every throttle of the API answers past its limit: 429 in the contract's shape with
 * how long to wait, the same number in `params.retryAfterSeconds` (the web shows it) and in
 * Retry-After, within the throttle's window. Returns the wait.
 */
export function expectThrottled(res: Response, windowSeconds: number): number {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 429,
    body: {
      statusCode: 429,
      code: 'too_many_requests',
      message: expect.any(String),
      params: { retryAfterSeconds: expect.any(Number) },
      errors: [],
    },
  });
  const wait: number = res.body.params.retryAfterSeconds;
  expect(res.headers['retry-after']).toBe(String(wait));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(windowSeconds);
  return wait;
}
