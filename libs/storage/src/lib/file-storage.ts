import type { Readable } from 'node:stream';

/**
 * Where files (lesson attachments, certificate PDFs, report exports) are kept. Keys are
 * relative, slash-separated names chosen by the server (never a client's file name), so
 * an S3-compatible implementation can map them to object keys one to one.
 */
export interface FileStorage {
  /** Stores all of `data` under `key` or nothing: a failed write never leaves part of a file. */
  put(key: string, data: Buffer | Readable): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Readable;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * The files whose keys start with `prefix` (a folder, ending in "/"), with when each was
   * last written: housekeeping finds files nothing refers to any more.
   */
  list(prefix: string): AsyncIterable<StoredFile>;
  /**
   * A time-limited URL from which a client may download the file itself, so big files
   * skip the API; null when the store cannot make one (local disk: the API streams it).
   * Call it only after checking that the caller may read the file.
   */
  downloadUrl(key: string, opts: DownloadUrlOptions): Promise<string | null>;
}

export interface StoredFile {
  key: string;
  modifiedAt: Date;
}

export interface DownloadUrlOptions {
  expiresInSeconds: number;
  /** File name the browser saves the download under. */
  fileName?: string;
  contentType?: string;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Refuses keys that could escape the storage root or mean different files on different systems. */
export function assertSafeKey(key: string): void {
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) ||
    key.includes('..')
  ) {
    throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
  }
}
