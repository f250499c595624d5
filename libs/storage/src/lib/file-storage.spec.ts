import { parseStorageUrl } from '@dx/config';
import { S3TestServer } from '@dx/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

// The same behaviour from both stores: callers never need to know which one they have.
let s3: S3TestServer;
const stores: Record<string, () => FileStorage> = {
  'local disk': () => new LocalFileStorage(mkdtempSync(join(tmpdir(), 'dx-storage-spec-'))),
  'S3 (s3rver)': () => new S3FileStorage(parseStorageUrl(s3.storageUrl('install-a'))),
};

beforeAll(async () => {
  s3 = await S3TestServer.start();
}, 30_000);
afterAll(() => s3?.stop());

async function read(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

describe.each(Object.keys(stores))('FileStorage on %s', (name) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = stores[name]();
  });
  afterAll(() => (storage as Partial<S3FileStorage>).close?.());

  it('stores, reads, streams and deletes a file by key', async () => {
    const key = 'certificates/2026/CDS-2026-000001.pdf';
    await storage.put(key, Buffer.from('%PDF-1.7 Nguyễn'));
    expect(await storage.exists(key)).toBe(true);
    expect((await storage.get(key)).toString()).toBe('%PDF-1.7 Nguyễn');
    expect(await read(storage.stream(key))).toBe('%PDF-1.7 Nguyễn');
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key); // deleting what is gone is not an error
  });

  it('stores a stream of several megabytes (multipart on S3) byte for byte', async () => {
    const part = Buffer.alloc(1024 * 1024, 'ạ');
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 11; i++) yield part;
      })(),
    );
    await storage.put('exports/big.csv', source);
    const back = await storage.get('exports/big.csv');
    expect(back.length).toBe(11 * part.length);
    expect(back.equals(Buffer.concat(Array(11).fill(part)))).toBe(true);
  }, 60_000);

  it('replaces a file as a whole', async () => {
    await storage.put('reports/r.pdf', Buffer.from('first'));
    await storage.put('reports/r.pdf', Buffer.from('second'));
    expect((await storage.get('reports/r.pdf')).toString()).toBe('second');
  });

  it('reports a missing file as ENOENT on read and stream', async () => {
    await expect(storage.get('nothing/here')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(read(storage.stream('nothing/here'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lists the files under a folder with when they were written, and nothing beside it', async () => {
    const before = Date.now() - 5_000;
    await storage.put('question-images/a.png', Buffer.from('a'));
    await storage.put('question-images/b.png', Buffer.from('b'));
    await storage.put('question-images-old/c.png', Buffer.from('c'));
    const listed: { key: string; modifiedAt: Date }[] = [];
    for await (const f of storage.list('question-images/')) listed.push(f);
    expect(listed.map((f) => f.key).sort()).toEqual([
      'question-images/a.png',
      'question-images/b.png',
    ]);
    for (const f of listed) expect(f.modifiedAt.getTime()).toBeGreaterThan(before);
    const none: unknown[] = [];
    for await (const f of storage.list('no-such-folder/')) none.push(f);
    expect(none).toEqual([]);
  });

  it('refuses keys that could escape the root', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '', 'a\\b']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
    }
  });
});
