import {
  MAIL_BATCH_SIZE,
  MailJob,
  NotificationType,
  OPTIONAL_NOTIFICATION_TYPES,
  QueueName,
} from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertMailsSql } from '../mail/mail-sql';
import { insertOutboxRowsSql } from '../outbox/outbox-sql';
import { userJoin } from '../users/user-sql';

/** One notification for one person. */
export interface NotificationContent {
  type: NotificationType;
  /** Unique per person: the same event is notified once (at most 200 characters). */
  eventKey: string;
  title: string;
  body: string;
  /** Path inside the web app, e.g. `/certificates`. */
  link?: string | null;
}

/**
 * A set of notifications of one type, given as SQL yielding the columns
 * `user_id, event_key, title, body, link` (`$1…$n` are `params`).
 */
export interface NotificationBatch {
  type: NotificationType;
  sql: string;
  params: unknown[];
  /**
   * True when `sql` reads the person's app_user row itself, keeps only active people
   * (RECIPIENT_IS_ACTIVE) and yields their `email` and `full_name` too: the batch then
   * does not look each person up again (a random read per person at national scale).
   */
  yieldsRecipients?: boolean;
}

export interface NotifyOutcome {
  notified: number;
  mailed: number;
}

/**
 * A UUID version 7 (RFC 9562): the millisecond clock in the first 48 bits, then the version
 * and 74 random bits of a v4 UUID (whose variant bits are already right). Bulk notifications
 * take their ids (and their mails' ids and idempotency keys) from it: with random v4 ids,
 * each of a million rows went to a random page of three unique indexes far larger than
 * shared_buffers, and the reminder run spent its time reading, dirtying and logging whole
 * index pages; time-ordered ids append to the right edge instead (measured: the 1-day
 * reminder of 10,000 people 1.9× faster at 1M rows, same run). Other inserts keep v4.
 */
export const TIME_ORDERED_UUID = `overlay(overlay(encode(uuid_send(gen_random_uuid()), 'hex')
  placing lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') from 1 for 12)
  placing '7' from 13 for 1)::uuid`;

/** The idempotency key of a notification's mail: one mail per inbox item. */
export const notificationMailKey = (notificationId: string) => `notification:${notificationId}`;

/**
 * The one place that decides who is notified at all: deactivated people (app_user.active
 * false) get nothing, neither in the app nor by mail.
 */
export const RECIPIENT_IS_ACTIVE = (alias: string) => `${alias}.active`;

/**
 * Writes notifications from inside the transaction that decided them: the inbox rows and,
 * for people with an email who have not muted the (optional) kind, a mail row, plus one
 * outbox row per batch of mails, so the mail exists exactly when the decision was committed. All of it is one
 * set-based statement, whether it notifies one person or a hundred thousand.
 */
@Injectable()
export class NotificationsService {
  /** Notifies one person; false when they already had this event (or cannot get it). */
  async notify(tx: EntityManager, userId: string, n: NotificationContent): Promise<boolean> {
    const { notified } = await this.notifyMany(tx, {
      type: n.type,
      sql: `SELECT $1::uuid AS user_id, $2::varchar AS event_key, $3::varchar AS title,
                   $4::text AS body, $5::varchar AS link`,
      params: [userId, n.eventKey, n.title, n.body, n.link ?? null],
    });
    return notified > 0;
  }

  /** Notifies everyone `batch.sql` yields, skipping (person, event) pairs already notified. */
  async notifyMany(tx: EntityManager, batch: NotificationBatch): Promise<NotifyOutcome> {
    const p = batch.params.length;
    const typeParam = `$${p + 1}`;
    const optionalParam = `$${p + 2}`;
    const recipient = batch.yieldsRecipients ? 's' : 'u';
    const [row] = await tx.query(
      `WITH src AS (${batch.sql}),
       -- Each recipient's row of app_user is read once, here: the mails below take the
       -- address and name from this, not from a second random visit to app_user per person
       -- (at a million people, app_user does not fit in memory and each visit was a read).
       -- The notification's id is drawn here too, so the mails can tell which were inserted.
       people AS MATERIALIZED (
         SELECT ${TIME_ORDERED_UUID} AS id, s.user_id, s.event_key, s.title, s.body, s.link,
                ${recipient}.email, ${recipient}.full_name,
                ${recipient}.email IS NOT NULL AND btrim(${recipient}.email) <> ''
                  AND NOT (${optionalParam}::boolean AND EXISTS (
                        SELECT 1 FROM notification_preference np
                         WHERE np.user_id = s.user_id AND np.type = ${typeParam} AND NOT np.mail))
                  AS wants_mail
           FROM src s
           ${batch.yieldsRecipients ? '' : `${userJoin('u', 's.user_id')} WHERE ${RECIPIENT_IS_ACTIVE('u')}`}),
       ins AS (
         INSERT INTO notification (id, user_id, type, event_key, title, body, link)
         SELECT p.id, p.user_id, ${typeParam}, p.event_key, p.title, p.body, p.link
           FROM people p
         ON CONFLICT (user_id, event_key) DO NOTHING
         RETURNING id),
       mailed AS (
         ${insertMailsSql(`SELECT ${TIME_ORDERED_UUID}, p.email, p.user_id, 'notification',
                jsonb_build_object('type', ${typeParam}::varchar, 'fullName', p.full_name,
                  'title', p.title, 'body', p.body, 'link', p.link),
                'notification:' || p.id
           FROM people p
          -- The people whose notification went in (not already there). "IS TRUE" keeps
          -- this a hashed lookup: as a join, the planner (guessing one row per CTE) chose
          -- a nested loop over both CTEs, 10,000 × 10,000 rows per batch.
          WHERE p.wants_mail AND (p.id IN (SELECT id FROM ins)) IS TRUE`)}),
       -- One outbox row (one job) per MAIL_BATCH_SIZE mails: a million reminders are 20,000
       -- jobs, not a million, and the worker sends each batch over pooled connections.
       -- The job id is the batch's first mail id, so it is as deterministic as a mail's.
       queued AS (
         ${insertOutboxRowsSql(`SELECT '${QueueName.Mail}', '${MailJob.SendBatch}', 'mails-' || min(b.id::text),
                jsonb_build_object('mailIds', jsonb_agg(b.id ORDER BY b.id))
           FROM (SELECT m.id, (row_number() OVER (ORDER BY m.id) - 1) / ${MAIL_BATCH_SIZE} AS n
                   FROM mailed m) b
          GROUP BY b.n`)}
         RETURNING 1)
       SELECT (SELECT count(*)::int FROM ins) AS notified,
              (SELECT count(*)::int FROM mailed) AS mailed,
              (SELECT count(*)::int FROM queued) AS jobs`,
      [...batch.params, batch.type, OPTIONAL_NOTIFICATION_TYPES.includes(batch.type)],
    );
    return { notified: row.notified, mailed: row.mailed };
  }

  /** Notifications are kept 12 months before `today` (YYYY-MM-DD); answers how many went. */
  async purgeOlderThanYear(db: Pick<EntityManager, 'query'>, today: string): Promise<number> {
    const [, count]: [unknown[], number] = await db.query(
      `DELETE FROM notification WHERE created_at < $1::date - interval '12 months'`,
      [today],
    );
    return count;
  }
}
