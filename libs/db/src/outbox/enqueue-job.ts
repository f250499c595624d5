import type { JobName, QueueName } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

export interface OutboxJob {
  queue: QueueName;
  jobName: JobName;
  jobId: string;
  payload: object;
}

/**
 * Records background work in the caller's transaction: the worker's relay hands it to
 * BullMQ once the transaction has committed (never before, never lost). `jobId` must be
 * deterministic, so a repeated request queues nothing twice.
 */
export async function enqueueJob(tx: EntityManager, job: OutboxJob): Promise<void> {
  await enqueueJobs(tx, [job]);
}

/** Many jobs in one statement (bulk requests such as the demo seed's certificates). */
export async function enqueueJobs(tx: EntityManager, jobs: OutboxJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.query(
    `INSERT INTO outbox (queue, job_name, job_id, payload)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
    [
      jobs.map((j) => j.queue),
      jobs.map((j) => j.jobName),
      jobs.map((j) => j.jobId),
      jobs.map((j) => JSON.stringify(j.payload)),
    ],
  );
}
