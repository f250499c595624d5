import { APP_CONFIG, AppConfig } from '@dx/config';
import type { MailTemplate } from '@dx/contracts';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { renderMail } from './templates';

export type SendOutcome = 'sent' | 'already-done' | 'busy' | 'skipped' | 'failed' | 'rejected';

interface MailRow {
  id: string;
  recipient: string;
  template: MailTemplate;
  params: Record<string, unknown> | null;
  status: string;
}

/** How long one SMTP exchange may take before it counts as failed (and is retried). */
const SMTP_TIMEOUT_MS = 15_000;
/**
 * SMTP connections kept open per worker process. One connection per message (connect,
 * EHLO, AUTH, QUIT each time) capped a worker at a few dozen messages per second; a
 * pool reuses each connection for many messages, as mail servers expect from bulk senders.
 */
const SMTP_CONNECTIONS = 5;
/** Messages per pooled connection before it is renewed (servers limit a session). */
const SMTP_MESSAGES_PER_CONNECTION = 1_000;

/** What happened to each mail of a batch; `attempts` is the highest among the failed. */
export interface BatchOutcome {
  sent: number;
  rejected: number;
  skipped: number;
  /** Still pending: failed for now, or locked by another run; the job tries again. */
  pending: number;
  attempts: number;
}

/**
 * Sends one stored mail. The row is locked while the message goes out, and its status is
 * checked first, so two runs of the same job send it once. A failure is recorded on the row
 * (attempts, last error) and reported as `failed`; the processor schedules the next try.
 */
@Injectable()
export class MailSenderService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailSenderService.name);
  private transport: Transporter | null = null;
  /**
   * The priority mails' own connection: the bulk pool queues up to 200 messages of the
   * running batches, and a password reset must not wait in that line either.
   */
  private priorityTransport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { smtpUrl } = this.config.mail;
    if (!smtpUrl) {
      this.logger.warn('SMTP_URL is not set: mail is recorded but not sent');
      return;
    }
    const pooled = (maxConnections: number) =>
      createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections,
        maxMessages: SMTP_MESSAGES_PER_CONNECTION,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      });
    this.transport = pooled(SMTP_CONNECTIONS);
    this.priorityTransport = pooled(1);
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.priorityTransport?.close();
  }

  /** How many of `ids` are still to send (what a batch books on the pace). */
  async pendingCount(ids: string[]): Promise<number> {
    const [{ pending }] = await this.db.query(
      `SELECT count(*)::int AS pending FROM mail
        WHERE id = ANY($1::uuid[]) AND status = 'pending' AND params IS NOT NULL`,
      [ids],
    );
    return pending;
  }

  /** Sends mail `id` (a priority mail) unless it is sent already; returns what happened. */
  async send(id: string): Promise<{ outcome: SendOutcome; attempts: number }> {
    return this.db.transaction(async (tx) => {
      // SKIP LOCKED: a second run of the job while the first is sending must not wait
      // and then send again; it leaves the mail to the first.
      const rows: MailRow[] = await tx.query(
        `SELECT id, recipient, template, params, status FROM mail WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (rows.length === 0) {
        const exists = await tx.query(`SELECT 1 FROM mail WHERE id = $1`, [id]);
        return { outcome: exists.length ? 'busy' : 'already-done', attempts: 0 };
      }
      const mail = rows[0];
      if (mail.status !== 'pending' || !mail.params)
        return { outcome: 'already-done', attempts: 0 };
      if (!this.priorityTransport) {
        await tx.query(`UPDATE mail SET status = 'skipped', params = NULL WHERE id = $1`, [id]);
        return { outcome: 'skipped', attempts: 0 };
      }
      try {
        await this.deliver(this.priorityTransport, mail);
      } catch (err) {
        if (isPermanent(err)) {
          // Retrying cannot help (a malformed address, a mailbox refused): record it for
          // the person's sent-log and let the rest of the batch go on.
          const [{ attempts }] = await tx.query(
            `UPDATE mail SET status = 'failed', params = NULL, attempts = attempts + 1,
               last_error = $2 WHERE id = $1 RETURNING attempts`,
            [id, (err as Error).message.slice(0, 1000)],
          );
          return { outcome: 'rejected', attempts };
        }
        const [{ attempts }] = await tx.query(
          `UPDATE mail SET attempts = attempts + 1, last_error = $2 WHERE id = $1 RETURNING attempts`,
          [id, (err as Error).message.slice(0, 1000)],
        );
        return { outcome: 'failed', attempts };
      }
      const [{ attempts }] = await tx.query(
        `UPDATE mail SET status = 'sent', sent_at = now(), params = NULL, last_error = NULL,
           attempts = attempts + 1 WHERE id = $1 RETURNING attempts`,
        [id],
      );
      return { outcome: 'sent', attempts };
    });
  }

  /**
   * Sends the pending mails among `ids` at once over the pooled connections, in one
   * transaction that holds their rows (SKIP LOCKED, as for one mail: a second run of the
   * job leaves locked rows to the first). Each row ends sent, failed for good (rejected),
   * or still pending with its attempt counted; statuses are written in three statements,
   * not one per mail. A crash before the commit sends the batch's mails again (with the
   * same Message-ID), the price of not holding a transaction per message.
   */
  async sendBatch(ids: string[]): Promise<BatchOutcome> {
    return this.db.transaction(async (tx) => {
      const rows: MailRow[] = await tx.query(
        `SELECT id, recipient, template, params, status FROM mail
          WHERE id = ANY($1::uuid[]) AND status = 'pending' AND params IS NOT NULL
          FOR UPDATE SKIP LOCKED`,
        [ids],
      );
      const [{ locked }] = await tx.query(
        `SELECT count(*)::int AS locked FROM mail
          WHERE id = ANY($1::uuid[]) AND status = 'pending' AND NOT (id = ANY($2::uuid[]))`,
        [ids, rows.map((r) => r.id)],
      );
      const outcome: BatchOutcome = {
        sent: 0,
        rejected: 0,
        skipped: 0,
        pending: locked,
        attempts: 0,
      };
      if (rows.length === 0) return outcome;
      const transport = this.transport;
      if (!transport) {
        await tx.query(
          `UPDATE mail SET status = 'skipped', params = NULL WHERE id = ANY($1::uuid[])`,
          [rows.map((r) => r.id)],
        );
        return { ...outcome, skipped: rows.length };
      }
      const results = await Promise.allSettled(rows.map((mail) => this.deliver(transport, mail)));
      const sent: string[] = [];
      const refused: { id: string; error: string; permanent: boolean }[] = [];
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') sent.push(rows[i].id);
        else
          refused.push({
            id: rows[i].id,
            error: String((r.reason as Error)?.message ?? r.reason).slice(0, 1000),
            permanent: isPermanent(r.reason),
          });
      });
      if (sent.length)
        await tx.query(
          `UPDATE mail SET status = 'sent', sent_at = now(), params = NULL, last_error = NULL,
             attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
          [sent],
        );
      let attempts = 0;
      if (refused.length) {
        const updated: { attempts: number; status: string }[] = await tx.query(
          `UPDATE mail m
              SET attempts = m.attempts + 1, last_error = f.error,
                  status = CASE WHEN f.permanent THEN 'failed' ELSE m.status END,
                  params = CASE WHEN f.permanent THEN NULL ELSE m.params END
             FROM unnest($1::uuid[], $2::text[], $3::boolean[]) AS f(id, error, permanent)
            WHERE m.id = f.id
        RETURNING m.attempts, m.status`,
          [refused.map((f) => f.id), refused.map((f) => f.error), refused.map((f) => f.permanent)],
        );
        attempts = Math.max(
          0,
          ...updated.filter((u) => u.status === 'pending').map((u) => u.attempts),
        );
      }
      const rejected = refused.filter((f) => f.permanent).length;
      return {
        sent: sent.length,
        rejected,
        skipped: 0,
        pending: locked + refused.length - rejected,
        attempts,
      };
    });
  }

  private async deliver(transport: Transporter, mail: MailRow): Promise<void> {
    const rendered = renderMail(
      mail.template,
      mail.params ?? {},
      this.config.reportsTimeZone,
      this.config.publicBaseUrl,
    );
    await transport.sendMail({
      from: this.config.mail.from,
      to: mail.recipient,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      // Stable per mail: in the rare case a crash repeats a delivery, readers and
      // servers can tell it is the same message.
      messageId: `<${mail.id}@dx-academy>`,
    });
  }
}

/**
 * A refusal that will not change on retry: nodemailer finds no valid recipient, or the
 * server answers 5xx to the envelope. Connection failures and 4xx are retried.
 */
function isPermanent(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number; command?: string };
  if (e.code === 'EENVELOPE' && (e.responseCode === undefined || e.responseCode >= 500))
    return true;
  return e.responseCode !== undefined && e.responseCode >= 500 && e.command !== 'CONN';
}
