import { JobName } from './queues';

/** Job of the mail queue: send one row of the `mail` table (job id `mail-<id>`). */
export enum MailJob {
  Send = JobName.SendMail,
}

export interface SendMailJobData {
  mailId: string;
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
}

export type MailTemplate = keyof MailTemplateParams;

export const MAIL_TEMPLATES: readonly MailTemplate[] = ['activation-code', 'password-reset'];

export type MailStatus = 'pending' | 'sent' | 'skipped';
