import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 in the contract's shape; `retryAfterSeconds` tells the caller when the window ends. */
export function tooManyRequests(message: string, retryAfterSeconds?: number): HttpException {
  return new HttpException(
    { message, errors: [], retryAfterSeconds },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
