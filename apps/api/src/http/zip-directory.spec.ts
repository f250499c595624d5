import archiver from 'archiver';
import { readXlsxSheet } from '../users/import/xlsx-sheet.reader';
import { zipOf } from '../courses/courses.fixtures';
import { readZipDirectory } from './zip-directory';

/** A real deflated archive (archiver), so the declared sizes are the library's own. */
async function deflatedZip(entries: Record<string, Buffer>): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  zip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  for (const [name, data] of Object.entries(entries)) zip.append(data, { name });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

describe('readZipDirectory (yauzl)', () => {
  it('lists the names and declared sizes without unpacking', async () => {
    const zip = await deflatedZip({
      'a.xml': Buffer.alloc(1000, 'a'),
      'dir/b.txt': Buffer.from('xin chào'),
    });
    expect(await readZipDirectory(zip)).toEqual([
      { name: 'a.xml', uncompressedSize: 1000 },
      { name: 'dir/b.txt', uncompressedSize: Buffer.byteLength('xin chào') },
    ]);
    expect((await readZipDirectory(zipOf(['[Content_Types].xml'])))?.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
    ]);
  });

  it('answers null for bytes that are not a readable archive', async () => {
    expect(await readZipDirectory(Buffer.from('PK\x03\x04 broken', 'latin1'))).toBeNull();
    expect(await readZipDirectory(Buffer.alloc(0))).toBeNull();
  });

  it('lets the user import refuse a small upload that declares too much data (a zip bomb)', async () => {
    const bomb = await deflatedZip({ 'xl/worksheets/sheet1.xml': Buffer.alloc(65 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readXlsxSheet(bomb)).rejects.toThrow('unpacks to too much data');
  });
});
