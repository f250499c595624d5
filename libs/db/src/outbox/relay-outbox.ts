import type { DataSource } from 'typeorm';
import { CLAIM_OUTBOX_BATCH_SQL } from './outbox-sql';

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
}

/** The part of a BullMQ queue the relay uses (so this library needs no BullMQ). */
export interface OutboxTarget {
  addBulk(
    jobs: { name: string; data: Record<string, unknown>; opts: { jobId: string } }[],
  ): Promise<unknown>;
}

/**
 * Hands one batch of unsent outbox rows to their queues and marks them sent, in one
 * transaction: rows are claimed with SKIP LOCKED (several relays share the work) and marked
 * only after Redis accepted them; the job ids are deterministic, so a crash in between
 * re-adds jobs BullMQ already holds (a no-op). The worker's relay loops on it; specs of the
 * API call it to stand in for the worker. Returns how many rows were sent.
 */
export async function relayOutboxBatch(
  db: DataSource,
  queueOf: (name: string) => OutboxTarget,
  opts: { batch: number; timeoutMs: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows: OutboxRow[] = await tx.query(CLAIM_OUTBOX_BATCH_SQL, [opts.batch]);
    if (rows.length === 0) return 0;
    const byQueue = new Map<string, OutboxRow[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    for (const [name, queueRows] of byQueue) {
      await withTimeout(
        queueOf(name).addBulk(
          queueRows.map((r) => ({ name: r.job_name, data: r.payload, opts: { jobId: r.job_id } })),
        ),
        opts.timeoutMs,
      );
    }
    await tx.query(
      `UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
    return rows.length;
  });
}

/** With Redis away BullMQ commands would wait forever; the row then waits for the next try. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]);
}
