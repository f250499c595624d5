import { APP_CONFIG, AppConfig, redisConnectionOptions } from '@dx/config';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * Books `ARGV[1]` ms of sending time on one clock shared by every worker (Redis's own time,
 * so the workers' clocks need not agree): the booking starts when the previous one ends (or
 * now), and the script answers in how many ms it ends.
 */
const BOOK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local ends = math.max(now, free) + tonumber(ARGV[1])
redis.call('SET', KEYS[1], ends, 'PX', ends - now + 1000)
return ends - now`;

/**
 * MAIL_RATE_PER_SECOND for all workers together. BullMQ's limiter counts jobs, and a batch
 * job is up to 50 mails: four batches running at once (or one in each of several workers)
 * used to send 200 mails before any of them paused the queue. Here each batch books
 * n / rate seconds on a clock in Redis and sends when its booking ends, so however many
 * run at once, n mails leave no sooner than n / rate seconds after the first booking.
 * A priority mail books its share too, but does not wait: the bulk mail behind it yields.
 */
@Injectable()
export class MailPace implements OnModuleDestroy {
  /** Its own connection: BullMQ keeps its clients to itself. */
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis({ ...redisConnectionOptions(config), lazyConnect: true });
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /** Books `mails` mails; resolves when they may leave. */
  async wait(mails: number): Promise<void> {
    const ms = await this.book(mails);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Books `mails` mails without waiting (mail a person is waiting for); answers the ms booked ahead. */
  async book(mails: number): Promise<number> {
    if (mails <= 0) return 0;
    const ms = Math.ceil((mails * 1_000) / this.config.mail.ratePerSecond);
    return Number(await this.redis.eval(BOOK, 1, `${this.config.queuePrefix}:mail-pace`, ms));
  }
}
