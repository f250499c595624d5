import type { MailFate } from '@dx/db';
import type { NotificationType, NotificationView, SentNotificationView } from '@dx/contracts';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
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

/** `mail`: what became of its mail, if one was written (no email, or muted: none). */
export function toSentNotificationView(r: NotificationRow, mail?: MailFate): SentNotificationView {
  return {
    ...toNotificationView(r),
    mail: mail
      ? {
          status: mail.status,
          sentAt: mail.sentAt?.toISOString() ?? null,
          lastError: mail.lastError,
        }
      : null,
  };
}
