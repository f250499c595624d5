import { ServiceUnavailableException } from '@nestjs/common';

/**
 * The object store did not answer (network, timeout, a 5xx): not the request's fault, so
 * the API's error filter answers 503 with Retry-After, like a lost database.
 */
export class StorageUnavailableError extends ServiceUnavailableException {
  constructor(operation: string, cause: unknown) {
    super('File storage is briefly unavailable: try again in a few seconds', { cause });
    this.name = 'StorageUnavailableError';
    this.stack = `${this.name}: ${operation} failed: ${describe(cause)}\n${this.stack ?? ''}`;
  }
}

function describe(cause: unknown): string {
  const e = cause as { name?: string; code?: string; message?: string };
  return [e?.name, e?.code, e?.message].filter(Boolean).join(' ');
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * True for failures of the store itself rather than of the request (missing key, denied…):
 * a 5xx, a timeout, or no HTTP answer at all (the SDK then wraps the socket error and its
 * `$metadata` has no status).
 */
export function isStorageOutage(err: unknown): boolean {
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  if (e?.$metadata) return true;
  if (NETWORK_CODES.has(String(e?.code))) return true;
  if ([...NETWORK_CODES].some((code) => String(e?.message).includes(code))) return true;
  return ['TimeoutError', 'RequestTimeout', 'AbortError'].includes(String(e?.name));
}
