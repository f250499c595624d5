import { APP_CONFIG, AppConfig } from '@dx/config';
import { ThrottledWarning } from '@dx/queues';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';

/** What a notification on `dx_changes` is about (the triggers' argument). */
export type ChangeTopic = 'catalog';

const CHANNEL = 'dx_changes';
const RETRY_MS = [200, 1_000, 5_000];

/**
 * Hears PostgreSQL's `dx_changes` notifications (sent by triggers when a change commits,
 * see migration NotifyCatalogChanges) on one dedicated connection, and tells the in-memory
 * caches of this process to drop what they hold. Every API process listens, so a change
 * made through one is seen by all within milliseconds.
 *
 * While the connection is down, notifications may be missed: the feed is then not `live`,
 * caches read through to the database, and everything is dropped again on reconnecting.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly warning = new ThrottledWarning(this.logger);
  private readonly subscribers = new Map<ChangeTopic, Set<() => void>>();
  private client: Client | null = null;
  private live = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** True while notifications are being heard: only then may a cache serve from memory. */
  isLive(): boolean {
    return this.live;
  }

  on(topic: ChangeTopic, drop: () => void): void {
    const set = this.subscribers.get(topic) ?? new Set();
    set.add(drop);
    this.subscribers.set(topic, set);
  }

  /**
   * For a write this process has just committed: drop now, so the caller's next read sees
   * it (read-your-writes), rather than when the notification arrives a moment later.
   */
  announce(topic: ChangeTopic): void {
    for (const drop of this.subscribers.get(topic) ?? []) drop();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.live = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.database.directUrl, // LISTEN cannot pass a transaction pooler
      application_name: 'dx-api-changes',
      connectionTimeoutMillis: 5_000, // a server that never answers must not hold the retry loop
      keepAlive: true, // an idle LISTEN connection must not be dropped silently on the way
    });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL) this.announce(n.payload as ChangeTopic);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      this.lost(client, err as Error);
      return;
    }
    if (client !== this.client) return; // lost while subscribing: a retry is on its way
    if (this.stopped) {
      // Shut down while connecting: nobody else will close this one.
      await client.end().catch(() => undefined);
      return;
    }
    this.failures = 0;
    // Whatever changed while nobody listened is unknown: start from nothing.
    this.dropAll();
    this.live = true;
  }

  private lost(client: Client, err: Error): void {
    if (client !== this.client) return; // an old connection's last words
    this.live = false;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped || this.retryTimer) return;
    this.warning.warn(`change notifications unavailable (${err.message}): caches read through`);
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private dropAll(): void {
    for (const set of this.subscribers.values()) for (const drop of set) drop();
  }
}
