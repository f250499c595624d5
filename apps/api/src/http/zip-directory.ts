import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export interface ZipDirectoryEntry {
  name: string;
  /** As the archive declares it: what the entry would unpack to. */
  uncompressedSize: number;
}

/**
 * The central directory of an uploaded ZIP (names and declared sizes, zip64 included),
 * read by yauzl without unpacking anything, or null when the bytes are not a readable
 * archive. Used to recognise Office files and to refuse a "zip bomb" before unzipping.
 */
export function readZipDirectory(zip: Buffer): Promise<ZipDirectoryEntry[] | null> {
  return new Promise((resolve) => {
    fromBuffer(zip, { lazyEntries: true, decodeStrings: true }, (err, file?: ZipFile) => {
      if (err || !file) return resolve(null);
      const entries: ZipDirectoryEntry[] = [];
      file.on('entry', (entry: Entry) => {
        entries.push({ name: entry.fileName, uncompressedSize: entry.uncompressedSize });
        file.readEntry();
      });
      file.on('end', () => resolve(entries));
      file.on('error', () => resolve(null));
      file.readEntry();
    });
  });
}
