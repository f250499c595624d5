import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  NotificationList,
  NotificationPreferences,
  OPTIONAL_NOTIFICATION_TYPES,
  SentNotificationList,
} from '@dx/contracts';
import { MailService, notificationMailKey } from '@dx/db';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { PageQueryDto } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { UserAccountsService } from '../users/user-accounts.service';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationPreferenceDto } from './dto/update-notification-preferences.dto';
import { NotificationRow, toNotificationView, toSentNotificationView } from './notification.mapper';

/** The requirement reminders (due soon, overdue): what "đã nhắc 3 lần" counts. */
const IS_REMINDER = `type IN ('requirement-due', 'requirement-overdue')`;

const COLUMNS = `n.id, n.type, n.title, n.body, n.link, n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** A person's inbox, their mail preferences, and the sent-log HR reads. */
@Injectable()
export class NotificationsInboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly accounts: UserAccountsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, q: ListNotificationsQuery): Promise<NotificationList> {
    const unreadOnly = q.unread === true;
    const where = `n.user_id = $1${unreadOnly ? ' AND n.read_at IS NULL' : ''}`;
    const [rows, [{ total, unread }]] = await Promise.all([
      this.db.query<NotificationRow[]>(
        `SELECT ${COLUMNS} FROM notification n WHERE ${where}
          ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3`,
        [user.id, q.pageSize, q.offset],
      ),
      this.db.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
           FROM notification n WHERE n.user_id = $1`,
        [user.id],
      ),
    ]);
    return {
      items: rows.map(toNotificationView),
      total: unreadOnly ? unread : total,
      page: q.page,
      pageSize: q.pageSize,
      unread,
    };
  }

  async unreadCount(user: AuthUser): Promise<{ unread: number }> {
    const [{ unread }] = await this.db.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    return { unread };
  }

  /** Marks one of the caller's notifications read; someone else's is a 404. */
  async markRead(user: AuthUser, id: string): Promise<void> {
    // An UPDATE answers [rows, affected] through TypeORM.
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, user.id],
    );
    if (affected === 0) throw new NotFoundException('Notification not found');
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.db.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
  }

  async preferences(user: AuthUser): Promise<NotificationPreferences> {
    const rows: { type: string; mail: boolean }[] = await this.db.query(
      `SELECT type, mail FROM notification_preference WHERE user_id = $1`,
      [user.id],
    );
    const chosen = new Map(rows.map((r) => [r.type, r.mail]));
    return {
      items: OPTIONAL_NOTIFICATION_TYPES.map((type) => ({ type, mail: chosen.get(type) ?? true })),
    };
  }

  async updatePreferences(
    user: AuthUser,
    items: NotificationPreferenceDto[],
  ): Promise<NotificationPreferences> {
    if (items.length > 0) {
      await this.db.query(
        `INSERT INTO notification_preference (user_id, type, mail)
         SELECT $1, t.type, t.mail FROM unnest($2::varchar[], $3::boolean[]) AS t(type, mail)
         ON CONFLICT (user_id, type) DO UPDATE SET mail = excluded.mail`,
        [user.id, items.map((i) => i.type), items.map((i) => i.mail)],
      );
    }
    return this.preferences(user);
  }

  /** What was sent to a person (hr of their scope, sysadmin), newest first. */
  async sentTo(caller: AuthUser, userId: string, q: PageQueryDto): Promise<SentNotificationList> {
    // The person and their unit come from their owners (users, org-units): a person out of
    // the caller's scope is as unknown as one who does not exist.
    const person = await this.accounts.findById(userId);
    const visible =
      person !== null &&
      (await this.scope.findVisible(caller, person.orgUnitId).then(
        () => true,
        (err: unknown) => {
          if (err instanceof NotFoundException) return false;
          throw err;
        },
      ));
    if (!visible) throw new NotFoundException('User not found');
    const [rows, [counts]] = await Promise.all([
      this.db.query<NotificationRow[]>(
        `SELECT ${COLUMNS} FROM notification n
          WHERE n.user_id = $1
          ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3`,
        [userId, q.pageSize, q.offset],
      ),
      // "This year" is the calendar year of TZ_REPORTS, the year requirements are set for.
      this.db.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE ${IS_REMINDER})::int AS reminders,
                count(*) FILTER (WHERE ${IS_REMINDER} AND created_at >=
                  date_trunc('year', now() AT TIME ZONE $2) AT TIME ZONE $2)::int
                  AS "remindersThisYear",
                max(created_at) FILTER (WHERE ${IS_REMINDER}) AS "lastReminderAt"
           FROM notification WHERE user_id = $1`,
        [userId, this.config.reportsTimeZone],
      ),
    ]);
    // The mail feature says what became of each one's mail (keyed by notification).
    const fates = await this.mail.fates(
      this.db,
      rows.map((r) => notificationMailKey(r.id)),
    );
    return {
      items: rows.map((r) => toSentNotificationView(r, fates.get(notificationMailKey(r.id)))),
      total: counts.total,
      page: q.page,
      pageSize: q.pageSize,
      reminders: counts.reminders,
      remindersThisYear: counts.remindersThisYear,
      lastReminderAt: counts.lastReminderAt ? new Date(counts.lastReminderAt).toISOString() : null,
    };
  }
}
