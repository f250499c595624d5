import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The one way the API answers 429: the contract's shape with how long to wait, as
 * `params.retryAfterSeconds` (which the web shows) and the Retry-After header (set by the
 * exception filter from it). Every throttle knows when its window ends, so the wait is
 * required; a window that ended between the count and this call still says 1 s.
 */
export function tooManyRequests(message: string, retryAfterSeconds: number): HttpException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds) || 0);
  return new HttpException(
    { message, errors: [], params: { retryAfterSeconds: seconds } },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
