/**
 * The worker's outbox relay claims the oldest unsent rows ($1 how many), skipping rows
 * another relay holds. Here rather than in apps/worker so that the national-scale bench
 * EXPLAINs the text the worker sends.
 */
export const CLAIM_OUTBOX_BATCH_SQL = `SELECT id, queue, job_name, job_id, payload FROM outbox
         WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;

/**
 * Inserts the outbox rows `rows` yields (a SELECT of `queue, job_name, job_id, payload`),
 * for a statement that decides its jobs set-based (the notifications' mail batches);
 * otherwise use enqueueJob / enqueueJobs.
 */
export const insertOutboxRowsSql = (rows: string) =>
  `INSERT INTO outbox (queue, job_name, job_id, payload)
         ${rows}`;

/** The relay's backlog: rows not yet handed to Redis, and the age of the oldest in seconds. */
export const OUTBOX_BACKLOG_SQL = `SELECT count(*)::int AS unsent,
              extract(epoch FROM now() - min(created_at))::int AS "oldestSeconds"
         FROM outbox WHERE sent_at IS NULL`;
