import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * 429 in the contract's shape; `retryAfterSeconds` tells the caller when the window ends
 * (as `params.retryAfterSeconds`, which the web shows, and the Retry-After header).
 */
export function tooManyRequests(message: string, retryAfterSeconds?: number): HttpException {
  const seconds = retryAfterSeconds && Math.ceil(retryAfterSeconds);
  return new HttpException(
    {
      message,
      errors: [],
      ...(seconds && seconds > 0 && { params: { retryAfterSeconds: seconds } }),
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
