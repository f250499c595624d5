import type {
  MailStatus,
  NotificationType,
  NotificationView,
  SentNotificationView,
} from '@dx/contracts';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface SentNotificationRow extends NotificationRow {
  mailStatus: MailStatus | null;
  mailSentAt: Date | null;
  mailLastError: string | null;
}

export function toNotificationView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

export function toSentNotificationView(r: SentNotificationRow): SentNotificationView {
  return {
    ...toNotificationView(r),
    mail: r.mailStatus
      ? {
          status: r.mailStatus,
          sentAt: r.mailSentAt?.toISOString() ?? null,
          lastError: r.mailLastError,
        }
      : null,
  };
}
