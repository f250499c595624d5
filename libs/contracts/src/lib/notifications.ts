import type { PageQuery, Paginated } from './http';
import type { MailStatus } from './mail';
import { JobName } from './queues';

/** What a notification is about. Kinds in OPTIONAL_NOTIFICATION_TYPES can be muted by mail. */
export type NotificationType =
  | 'requirement-applies'
  | 'requirement-due'
  | 'requirement-overdue'
  | 'certificate-issued'
  | 'certificate-revoked'
  | 'certificate-reissued'
  | 'report-ready'
  | 'export-ready'
  | 'hr-digest'
  | 'queue-failures';

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'requirement-applies',
  'requirement-due',
  'requirement-overdue',
  'certificate-issued',
  'certificate-revoked',
  'certificate-reissued',
  'report-ready',
  'export-ready',
  'hr-digest',
  'queue-failures',
];

/**
 * Kinds a person may stop receiving by mail (they stay in the in-app inbox). What a person
 * must know (a new requirement, an overdue one, a certificate's status) is always mailed.
 */
export const OPTIONAL_NOTIFICATION_TYPES: readonly NotificationType[] = [
  'requirement-due',
  'report-ready',
  'export-ready',
  'hr-digest',
  'queue-failures',
];

/** The web pages of a finished file job, one per kind (what an `export-ready` notice links to). */
export type FileJobPage = 'activation-slips' | 'certificate-exports' | 'people-exports';

/** The in-app path where a file job's files can be downloaded (while they are kept). */
export const fileJobPath = (page: FileJobPage, jobId: string) => `/files/${page}/${jobId}`;

/** `GET /api/me/notifications` items. */
export interface NotificationView {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList extends Paginated<NotificationView> {
  unread: number;
}

/** `GET /api/users/:id/notifications`: what was sent to a person, with the mail's fate. */
export interface SentNotificationView extends NotificationView {
  mail: { status: MailStatus; sentAt: string | null; lastError: string | null } | null;
}

export interface SentNotificationList extends Paginated<SentNotificationView> {
  /** Requirement reminders (due and overdue) sent to the person and still kept (12 months). */
  reminders: number;
  /** Of those, the ones sent this calendar year (TZ_REPORTS): "đã nhắc 3 lần" in the web. */
  remindersThisYear: number;
  /** When the last reminder was sent, or null. */
  lastReminderAt: string | null;
}

export interface NotificationPreference {
  type: NotificationType;
  mail: boolean;
}

export interface NotificationPreferences {
  items: NotificationPreference[];
}

/** Queue `notifications`: the daily reminder run, and the purge of year-old items. */
export enum NotificationJob {
  DailyReminders = JobName.DailyReminders,
}

export interface DailyRemindersJobData {
  /** YYYY-MM-DD in TZ_REPORTS; default: today there. Tests move this, not the clock. */
  today?: string;
}

export const DAILY_REMINDERS_SCHEDULER_ID = 'daily-reminders';

/** `GET /api/me/notifications`. */
export interface NotificationListQuery extends PageQuery {
  unread?: boolean;
}
