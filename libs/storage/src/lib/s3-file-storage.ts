import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3StorageConfig } from '@dx/config';
import { PassThrough, Readable } from 'node:stream';
import { assertSafeKey, DownloadUrlOptions, FileStorage, StoredFile } from './file-storage';
import { isStorageOutage, StorageUnavailableError } from './storage-unavailable.error';
import { attachmentDisposition } from './attachment-disposition';

/** Parts of a streamed upload: S3's minimum, so memory per upload stays ~2 × 5 MB. */
const PART_SIZE = 5 * 1024 * 1024;

/**
 * Files as objects in an S3-protocol store (AWS S3, MinIO, Ceph RGW…), so API and worker
 * replicas on different machines share them. An object appears whole or not at all
 * (PutObject, or a multipart upload that is aborted on failure), and outages surface as
 * StorageUnavailableError (503) rather than as a 500.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(
    private readonly config: S3StorageConfig,
    timeouts = { connectMs: 2_000, requestMs: 30_000 },
  ) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // One retry: a request waits seconds, not a minute, before it becomes a 503.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: timeouts.connectMs, requestTimeout: timeouts.requestMs },
    });
  }

  private objectKey(key: string): string {
    assertSafeKey(key);
    return this.config.prefix + key;
  }

  async put(key: string, data: Buffer | Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: this.objectKey(key), Body: data },
      partSize: PART_SIZE,
      queueSize: 2,
      // A failed multipart upload is aborted, so no part of it becomes an object.
      leavePartsOnError: false,
    });
    await this.call('put', () => upload.done());
  }

  async get(key: string): Promise<Buffer> {
    const body = await this.open(key);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body) chunks.push(chunk as Buffer);
    } catch (err) {
      throw isStorageOutage(err) ? new StorageUnavailableError('get', err) : err;
    }
    return Buffer.concat(chunks);
  }

  /** Opens lazily: the GET starts when the stream is first read, errors end the stream. */
  stream(key: string): Readable {
    const objectKey = this.objectKey(key);
    const out = new PassThrough();
    this.open(key, objectKey).then(
      (body) => {
        body.on('error', (err) => out.destroy(err));
        body.pipe(out);
      },
      (err) => out.destroy(err),
    );
    return out;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw isStorageOutage(err) ? new StorageUnavailableError('exists', err) : err;
    }
  }

  async *list(prefix: string): AsyncIterable<StoredFile> {
    const pages = paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.config.bucket, Prefix: this.objectKey(prefix.replace(/\/$/, '')) + '/' },
    );
    try {
      for await (const page of pages) {
        for (const o of page.Contents ?? []) {
          if (!o.Key) continue;
          yield {
            key: o.Key.slice(this.config.prefix.length),
            modifiedAt: o.LastModified ?? new Date(),
          };
        }
      }
    } catch (err) {
      if (isStorageOutage(err)) throw new StorageUnavailableError('list', err);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.call('delete', () =>
      this.client.send(
        new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }),
      ),
    );
  }

  /** A presigned GET, signed locally (no request to the store). */
  downloadUrl(key: string, opts: DownloadUrlOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.config.bucket,
      Key: this.objectKey(key),
      ResponseContentType: opts.contentType,
      ResponseContentDisposition: opts.fileName ? attachmentDisposition(opts.fileName) : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: opts.expiresInSeconds });
  }

  /** Drops the client's sockets (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }

  private async open(key: string, objectKey = this.objectKey(key)): Promise<Readable> {
    const res = await this.call('get', () =>
      this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: objectKey })),
    ).catch((err) => {
      // Same error as a missing file on disk, so callers need not know the store.
      if (isNotFound(err))
        throw Object.assign(new Error(`No such file: ${key}`), { code: 'ENOENT' });
      throw err;
    });
    return res.Body as Readable;
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw isStorageOutage(err) ? new StorageUnavailableError(operation, err) : err;
    }
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
