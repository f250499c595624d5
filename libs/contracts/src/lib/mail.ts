import type { NotificationType } from './notifications';
import { JobName } from './queues';

/**
 * Jobs of the mail queues: send one row of the `mail` table (job id `mail-<id>`, on the
 * priority queue), or a batch of rows written together (job id `mails-<first mail id>`, on
 * the mail queue), as bulk notifications are.
 */
export enum MailJob {
  Send = JobName.SendMail,
  SendBatch = JobName.SendMailBatch,
}

export interface SendMailJobData {
  mailId: string;
}

/**
 * Mails per batch job. Large enough that the per-job costs (queue, transaction) are spread
 * thin, small enough that a batch stays a few seconds' work at MAIL_RATE_PER_SECOND-sized
 * rates and a crash repeats little.
 */
export const MAIL_BATCH_SIZE = 50;

export interface SendMailBatchJobData {
  mailIds: string[];
}

/**
 * Every mail template and the parameters it needs. A template is rendered by the worker
 * (Vietnamese, plain text + HTML) from these parameters at sending time.
 */
export interface MailTemplateParams {
  'activation-code': {
    fullName: string;
    username: string;
    code: string;
    /** ISO-8601 timestamp. */
    expiresAt: string;
    activateUrl: string;
  };
  'password-reset': {
    fullName: string;
    resetUrl: string;
    validMinutes: number;
  };
  /** An in-app notification also sent by mail; `type` decides the footer's "why". */
  notification: {
    type: NotificationType;
    fullName: string;
    title: string;
    body: string;
    /** Absolute URL into the web app, or null. */
    link: string | null;
    preferencesUrl: string;
  };
}

export type MailTemplate = keyof MailTemplateParams;

export const MAIL_TEMPLATES: readonly MailTemplate[] = [
  'activation-code',
  'password-reset',
  'notification',
];

/** `failed`: refused for good (a malformed address, a mailbox the server rejects). */
export type MailStatus = 'pending' | 'sent' | 'skipped' | 'failed';
