import { PassThrough, type Writable } from 'node:stream';
import type { FileStorage } from './file-storage';

/**
 * Streams what `write` produces into storage under `key`, at constant memory: resolves once
 * the object is stored. When `write` throws, the upload is aborted with its error (no object
 * is left behind) and the error is thrown again.
 */
export async function writeStoredFile(
  storage: FileStorage,
  key: string,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  const out = new PassThrough();
  const stored = storage.put(key, out);
  // put() is awaited below; until then its failure must not go unhandled.
  stored.catch(() => undefined);
  try {
    await write(out);
    out.end();
  } catch (err) {
    out.destroy(err as Error);
    throw err;
  }
  await stored;
}
