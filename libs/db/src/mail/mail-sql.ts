/*
 * The mail feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): the notifications feature writes the mails of a batch inside its
 * own set-based statement, through this, instead of naming the mail table.
 */

/**
 * Inserts the mails `rows` yields (a SELECT of `id, recipient, user_id, template, params,
 * idempotency_key`, in that order), skipping keys already mailed; returns the new ids.
 */
export const insertMailsSql = (rows: string) =>
  `INSERT INTO mail (id, recipient, user_id, template, params, idempotency_key)
         ${rows}
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`;
