import type { JobName, QueueName } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Records background work in the caller's transaction: the worker's relay hands it to
 * BullMQ once the transaction has committed (never before, never lost). `jobId` must be
 * deterministic, so a repeated request queues nothing twice.
 */
export async function enqueueJob(
  tx: EntityManager,
  job: { queue: QueueName; jobName: JobName; jobId: string; payload: object },
): Promise<void> {
  await tx.query(`INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4)`, [
    job.queue,
    job.jobName,
    job.jobId,
    JSON.stringify(job.payload),
  ]);
}
