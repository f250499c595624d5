import { APP_CONFIG, AppConfig } from '@dx/config';
import type { MailTemplate } from '@dx/contracts';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { renderMail } from './templates';

export type SendOutcome = 'sent' | 'already-done' | 'busy' | 'skipped' | 'failed';

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
 * Sends one stored mail. The row is locked while the message goes out, and its status is
 * checked first, so two runs of the same job send it once. A failure is recorded on the row
 * (attempts, last error) and reported as `failed`; the processor schedules the next try.
 */
@Injectable()
export class MailSenderService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailSenderService.name);
  private transport: Transporter | null = null;

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
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** Sends mail `id` unless it is sent already; returns what happened. */
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
      if (!this.transport) {
        await tx.query(`UPDATE mail SET status = 'skipped', params = NULL WHERE id = $1`, [id]);
        return { outcome: 'skipped', attempts: 0 };
      }
      const rendered = renderMail(mail.template, mail.params, this.config.reportsTimeZone);
      try {
        await this.transport.sendMail({
          from: this.config.mail.from,
          to: mail.recipient,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          // Stable per mail: in the rare case a crash repeats a delivery, readers and
          // servers can tell it is the same message.
          messageId: `<${mail.id}@dx-academy>`,
        });
      } catch (err) {
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
}
