import { QueueName } from '@dx/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** At most one warning a minute for a Redis outage, however many clients notice it. */
export class ThrottledWarning {
  private last = 0;

  constructor(
    private readonly logger: Logger,
    private readonly everyMs = 60_000,
  ) {}

  warn(message: string): void {
    if (Date.now() - this.last < this.everyMs) return;
    this.last = Date.now();
    this.logger.warn(message);
  }
}

/**
 * Listens to every queue's `error` event: without a listener each failed reconnect while
 * Redis is away is printed raw; with it, one warning a minute says what is going on. A
 * factory provider (not a lifecycle hook) so the listener is there as soon as the queues
 * exist, before their first connection attempt can fail.
 */
export const QUEUE_ERRORS_LISTENER = {
  provide: 'QUEUE_ERRORS_LISTENER',
  inject: Object.values(QueueName).map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => {
    const warning = new ThrottledWarning(new Logger('Queues'));
    for (const queue of queues) {
      queue.on('error', (err: Error) =>
        warning.warn(`Queue ${queue.name}: Redis unavailable (${err.message})`),
      );
    }
    return true;
  },
};
