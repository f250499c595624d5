import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { assertSafeKey, FileStorage, StoredFile } from './file-storage';

/** Files under one directory (`STORAGE_DIR`); writes are atomic (temp file + rename). */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertSafeKey(key);
    return join(this.root, key);
  }

  async put(key: string, data: Buffer | Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    // A reader never sees half a file, and a crash leaves at worst a stray temp file.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (Buffer.isBuffer(data)) await writeFile(temp, data);
      else await pipeline(data, createWriteStream(temp));
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  stream(key: string): Readable {
    return createReadStream(this.path(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.path(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<StoredFile> {
    const dir = this.path(prefix.replace(/\/$/, ''));
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)),
    );
    for (const e of entries) {
      // A temp file is a write under way, not a file yet.
      if (!e.isFile() || e.name.endsWith('.tmp')) continue;
      const path = join(e.parentPath, e.name);
      const key = path.slice(this.root.length).split(sep).filter(Boolean).join('/');
      yield { key, modifiedAt: (await stat(path)).mtime };
    }
  }

  /** A disk has no URL of its own: the API streams the file. */
  async downloadUrl(key: string): Promise<null> {
    this.path(key);
    return null;
  }
}
