import {
  JOB_QUEUE,
  JobName,
  MailStatus,
  MailTemplate,
  MailTemplateParams,
  SendMailJobData,
} from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { enqueueJob, enqueueJobs, OutboxJob } from '../outbox/enqueue-job';

export interface MailRequest<T extends MailTemplate> {
  to: string;
  template: T;
  params: MailTemplateParams[T];
  /** Same key, same mail: e.g. `activation-code:<code id>`. At most 200 characters. */
  idempotencyKey: string;
  userId?: string | null;
}

/**
 * Queues mail from inside the transaction that decided it, so the mail exists exactly
 * when the decision was committed. Used by the API and by worker jobs alike.
 */
@Injectable()
export class MailService {
  /**
   * Writes the mail row and its outbox row on `tx`. Returns the mail id, or null when a
   * mail with this idempotency key already exists (nothing is written then).
   */
  async enqueue<T extends MailTemplate>(
    tx: EntityManager,
    mail: MailRequest<T>,
  ): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO mail (recipient, user_id, template, params, idempotency_key)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        mail.to,
        mail.userId ?? null,
        mail.template,
        JSON.stringify(mail.params),
        mail.idempotencyKey,
      ],
    );
    if (rows.length === 0) return null;
    const id = rows[0].id;
    await enqueueJob(tx, sendMailJob(id));
    return id;
  }

  /**
   * `enqueue` for many mails of one template in two statements (a worker job mailing a
   * whole unit): mails whose key already exists are skipped. Returns how many were queued.
   */
  async enqueueMany<T extends MailTemplate>(
    tx: EntityManager,
    mails: MailRequest<T>[],
  ): Promise<number> {
    if (mails.length === 0) return 0;
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO mail (recipient, user_id, template, params, idempotency_key)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[])
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        mails.map((m) => m.to),
        mails.map((m) => m.userId ?? null),
        mails.map((m) => m.template),
        mails.map((m) => JSON.stringify(m.params)),
        mails.map((m) => m.idempotencyKey),
      ],
    );
    if (rows.length === 0) return 0;
    await enqueueJobs(
      tx,
      rows.map((r) => sendMailJob(r.id)),
    );
    return rows.length;
  }

  /**
   * What became of the mails with these idempotency keys (for a sent-log): status, when it
   * left, the last error. Keys without a mail are absent from the map.
   */
  async fates(db: Pick<EntityManager, 'query'>, keys: string[]): Promise<Map<string, MailFate>> {
    if (keys.length === 0) return new Map();
    const rows: (MailFate & { key: string })[] = await db.query(
      `SELECT idempotency_key AS key, status, sent_at AS "sentAt", last_error AS "lastError"
         FROM mail WHERE idempotency_key = ANY ($1::varchar[])`,
      [keys],
    );
    return new Map(rows.map(({ key, ...fate }) => [key, fate]));
  }
}

/** The job that sends one mail; its id is the mail's, so a mail is sent by one job. */
function sendMailJob(mailId: string): OutboxJob {
  const payload: SendMailJobData = { mailId };
  return {
    queue: JOB_QUEUE[JobName.SendMail],
    jobName: JobName.SendMail,
    jobId: `mail-${mailId}`,
    payload,
  };
}

export interface MailFate {
  status: MailStatus;
  sentAt: Date | null;
  lastError: string | null;
}
