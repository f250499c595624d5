import type { Readable } from 'node:stream';

/**
 * Where files (lesson attachments, certificate PDFs, report exports) are kept. Keys are
 * relative, slash-separated names chosen by the server (never a client's file name), so
 * an S3-compatible implementation can map them to object keys one to one.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Readable;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Refuses keys that could escape the storage root or mean different files on different systems. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) || key.includes('..')) {
    throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
  }
}
