/**
 * The worker's outbox relay claims the oldest unsent rows ($1 how many), skipping rows
 * another relay holds. Here rather than in apps/worker so that the national-scale bench
 * EXPLAINs the text the worker sends.
 */
export const CLAIM_OUTBOX_BATCH_SQL = `SELECT id, queue, job_name, job_id, payload FROM outbox
         WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;
