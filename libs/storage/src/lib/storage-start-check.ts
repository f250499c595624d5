import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '@dx/config';

/**
 * A well-formed STORAGE_URL can still name a bucket that does not exist, keys the store
 * refuses or a server nobody answers on: found at start (API and worker), with one
 * HeadBucket within `timeoutMs`, rather than on the first certificate or export. The line
 * names the bucket and endpoint, never the keys. Only called while the module is built.
 */
export async function checkStorageAtStart(
  config: S3StorageConfig,
  timeoutMs = 5_000,
): Promise<void> {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
  });
  try {
    await client.send(new HeadBucketCommand({ Bucket: config.bucket }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const where = `bucket "${config.bucket}" at ${config.endpoint ?? 'AWS S3'}`;
    const line = new Error(`STORAGE_URL: ${where} cannot be used: ${reason(err, timeoutMs)}`);
    // One line, without a stack: the start-up handlers print the stack otherwise.
    line.stack = line.message;
    throw line;
  } finally {
    client.destroy();
  }
}

function reason(err: unknown, timeoutMs: number): string {
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e?.$metadata?.httpStatusCode;
  if (status === 404) return 'no such bucket (404)';
  if (status === 403 || status === 401) return `access denied (${status}): check the keys`;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`;
  if (status) return `HTTP ${status} ${e?.name ?? ''}`.trim();
  return [e?.code, e?.message || e?.name].filter(Boolean).join(' ') || String(err);
}
