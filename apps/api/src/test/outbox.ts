import { relayOutboxBatch } from '@dx/db';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { TestApp } from './test-app';

/**
 * What the worker's outbox relay does, for specs that run no worker app: hands the unsent
 * outbox rows of the spec's database to the queues of its app (its QUEUE_PREFIX). Returns
 * how many rows were sent.
 */
export async function relayOutbox(t: TestApp): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await relayOutboxBatch(
      t.db,
      (name) => t.app.get<Queue>(getQueueToken(name), { strict: false }),
      { batch: 500, timeoutMs: 5_000 },
    );
    if (batch === 0) return sent;
    sent += batch;
  }
}
