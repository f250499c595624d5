import type { Readable } from 'node:stream';

/**
 * Where uploaded lesson files live. Keys are ours (`lessons/<lessonId>/<random>`), never a
 * client's file name. The local-disk implementation suits one machine; an object store
 * can replace it behind this class (it is also the Nest injection token).
 */
export abstract class FileStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  /** Rejects with FileNotFoundError when there is no such file. */
  abstract get(key: string): Promise<Readable>;
  /** Succeeds when the file is already gone. */
  abstract delete(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored file ${key}`);
  }
}

/** Keys are lower-case segments of letters, digits, "-" and "_"; nothing climbs out. */
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.length > 512) throw new Error(`Invalid storage key: ${key}`);
}
