import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { FileNotFoundError } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'dx-storage-spec-'));
  const storage = new LocalDiskStorage(root);

  it('stores, streams back and deletes a file by key', async () => {
    await storage.put('lessons/abc/0123', Buffer.from('Nội dung tệp'));
    expect(await text(await storage.get('lessons/abc/0123'))).toBe('Nội dung tệp');
    expect(readdirSync(join(root, 'lessons/abc'))).toEqual(['0123']); // no temporary left over
    await storage.delete('lessons/abc/0123');
    await storage.delete('lessons/abc/0123'); // already gone: fine
    await expect(storage.get('lessons/abc/0123')).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it.each([
    '../etc/passwd',
    '/etc/passwd',
    'lessons/../../x',
    'lessons//x',
    'Lessons/X',
    'lessons/a b',
    '',
  ])('refuses the key %p', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
  });
});
