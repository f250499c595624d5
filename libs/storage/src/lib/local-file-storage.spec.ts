import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStorage } from './local-file-storage';

describe('LocalFileStorage', () => {
  const storage = new LocalFileStorage(mkdtempSync(join(tmpdir(), 'dx-storage-spec-')));

  it('stores, reads, streams and deletes a file by key', async () => {
    await storage.put('certificates/2026/CDS-2026-000001.pdf', Buffer.from('%PDF-1.7 Nguyễn'));
    expect((await storage.get('certificates/2026/CDS-2026-000001.pdf')).toString()).toBe('%PDF-1.7 Nguyễn');
    const chunks: Buffer[] = [];
    for await (const c of storage.stream('certificates/2026/CDS-2026-000001.pdf')) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('%PDF-1.7 Nguyễn');
    await storage.delete('certificates/2026/CDS-2026-000001.pdf');
    expect(await storage.exists('certificates/2026/CDS-2026-000001.pdf')).toBe(false);
  });

  it('refuses keys that could escape the root', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '', 'a\\b']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
    }
  });
});
