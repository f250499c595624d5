import { parseStorageUrl } from '@dx/config';
import { freePort, S3TestServer } from '@dx/testing';
import { HttpStatus } from '@nestjs/common';
import { Readable } from 'node:stream';
import { S3FileStorage } from './s3-file-storage';
import { checkStorageAtStart } from './storage-start-check';
import { StorageUnavailableError } from './storage-unavailable.error';

describe('S3FileStorage against a real S3-protocol server', () => {
  let s3: S3TestServer;
  let storage: S3FileStorage;

  beforeAll(async () => {
    s3 = await S3TestServer.start();
    storage = new S3FileStorage(parseStorageUrl(s3.storageUrl('prod')), {
      connectMs: 500,
      requestMs: 3_000,
    });
  }, 30_000);
  afterAll(async () => {
    storage?.close();
    await s3?.stop();
  });

  it('keeps each installation under its key prefix', async () => {
    await storage.put('a/b.txt', Buffer.from('x'));
    const other = new S3FileStorage(parseStorageUrl(s3.storageUrl('staging')));
    expect(await other.exists('a/b.txt')).toBe(false);
    other.close();
  });

  it('checks STORAGE_URL at start: the right bucket passes, a wrong one, bad keys or no server stop with one line naming it and no key', async () => {
    await expect(checkStorageAtStart(parseStorageUrl(s3.storageUrl('prod')))).resolves.toBe(
      undefined,
    );
    const wrongBucket = parseStorageUrl(s3.storageUrl().replace(s3.bucket, 'dx-no-such-bucket'));
    await expect(checkStorageAtStart(wrongBucket)).rejects.toThrow(
      `STORAGE_URL: bucket "dx-no-such-bucket" at ${s3.endpoint} cannot be used: no such bucket (404)`,
    );
    // s3rver knows one access key; a key it does not know is refused like AWS or MinIO would.
    const badKeys = parseStorageUrl(
      s3.storageUrl().replace('S3RVER:S3RVER', 'NOT-A-KEY:wrong-secret'),
    );
    const denied = await checkStorageAtStart(badKeys).catch((e: Error) => e);
    expect((denied as Error).message).toMatch(/^STORAGE_URL: .* access denied \(403\)/);
    expect((denied as Error).message).not.toContain('wrong-secret');
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const unreachable = parseStorageUrl(
      s3.storageUrl().replace(encodeURIComponent(s3.endpoint), encodeURIComponent(nobody)),
    );
    const started = Date.now();
    await expect(checkStorageAtStart(unreachable, 1_000)).rejects.toThrow(
      new RegExp(`^STORAGE_URL: bucket "dx-test" at ${nobody} cannot be used: .*ECONNREFUSED`),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('presigns a download URL that works without credentials, with the file name asked for', async () => {
    await storage.put('certificates/c.pdf', Buffer.from('%PDF signed'));
    const url = await storage.downloadUrl('certificates/c.pdf', {
      expiresInSeconds: 60,
      fileName: 'Chứng chỉ CDS-2026.pdf',
      contentType: 'application/pdf',
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('%PDF signed');
    // The exact name for browsers, an ASCII one for old clients (the store echoes it back).
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Chung chi CDS-2026.pdf"; filename*=UTF-8''${encodeURIComponent(
        'Chứng chỉ CDS-2026.pdf',
      )}`,
    );
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('60');
    expect(new URL(url).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns an outage into a 503 StorageUnavailableError and never leaves half an object', async () => {
    let pushed = 0;
    // 12 MB produced slowly: the store dies while the upload is under way.
    const slow = new Readable({
      read() {
        if (pushed === 12) return this.push(null);
        pushed++;
        setTimeout(() => this.push(Buffer.alloc(1024 * 1024, 1)), 20);
      },
    });
    const upload = storage.put('exports/interrupted.xlsx', slow);
    await new Promise((r) => setTimeout(r, 150));
    await s3.kill();
    const err = await upload.catch((e) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect(err.getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    await expect(storage.exists('a/b.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.get('a/b.txt')).rejects.toBeInstanceOf(StorageUnavailableError);

    await s3.start();
    expect(await storage.exists('exports/interrupted.xlsx')).toBe(false);
    expect(await storage.exists('a/b.txt')).toBe(true); // what was stored before survives
  }, 60_000);
});
