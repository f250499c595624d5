import { LRUCache } from 'lru-cache';
import type { ChangeFeed, ChangeTopic } from './change-feed.service';

export interface ReadCacheOptions {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** A bound on staleness should a notification ever be lost. */
  ttlMs: number;
}

/**
 * Results of a read that many requests share (the catalog of a unit, say), kept in this
 * process's memory and dropped whenever the change feed reports a change to `topic`.
 * Concurrent misses of one key share one load, so a burst after a change costs one query.
 */
export class ReadCache<V extends object> {
  private readonly entries: LRUCache<string, V>;
  private readonly loading = new Map<string, Promise<V>>();
  /** Bumped by every drop: a load that straddles a change is not kept. */
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    topic: ChangeTopic,
    options: ReadCacheOptions,
  ) {
    this.entries = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs });
    feed.on(topic, () => this.drop());
  }

  /**
   * The value for `key`, loaded once and kept until the next change; `keep` may refuse to
   * keep a value that can still change without a notification (a draft, say).
   */
  async get(key: string, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V> {
    if (!this.feed.isLive()) return load();
    const hit = this.entries.get(key);
    if (hit) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;

    const generation = this.generation;
    const promise = load().then((value) => {
      if (generation === this.generation && (!keep || keep(value))) this.entries.set(key, value);
      return value;
    });
    this.loading.set(key, promise);
    try {
      return await promise;
    } finally {
      if (this.loading.get(key) === promise) this.loading.delete(key);
    }
  }

  private drop(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }
}
