import type { NotificationList, SentNotificationList } from '@dx/contracts';
import { NotificationContent, NotificationsService, UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';

describe('notifications: inbox, preferences and the sent-log', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let learner: UserEntity;
  let learnerToken: string;
  let other: UserEntity;
  let otherToken: string;
  const service = new NotificationsService();

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    learner = await t.make.user(tree.a1, { fullName: 'Trần Văn Bình' });
    other = await t.make.user(tree.b1);
    await t.db.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [
      learner.id,
      'binh@example.vn',
    ]);
    learnerToken = await t.tokenFor(learner.username);
    otherToken = await t.tokenFor(other.username);
  });
  afterAll(() => t.close());

  const content = (over: Partial<NotificationContent> = {}): NotificationContent => ({
    type: 'certificate-issued',
    eventKey: `certificate-issued:${randomSuffix()}`,
    title: 'Chứng chỉ đã được cấp',
    body: 'Chứng chỉ khóa "Kỹ năng số cơ bản" đã sẵn sàng.',
    link: '/my-certificates',
    ...over,
  });
  const notify = (userId: string, n: NotificationContent) =>
    t.db.transaction((tx) => service.notify(tx, userId, n));
  const inbox = (token: string, query: Record<string, string> = {}) =>
    t.http.get('/api/me/notifications').query(query).set('Authorization', token);
  const mailsFor = (userId: string): Promise<{ idempotencyKey: string; template: string }[]> =>
    t.db.query(
      `SELECT idempotency_key AS "idempotencyKey", template FROM mail WHERE user_id = $1`,
      [userId],
    );

  it('notifies a person once per event, with one mail and an outbox row for it when they have an email', async () => {
    const n = content();
    expect(await notify(learner.id, n)).toBe(true);
    expect(await notify(learner.id, { ...n, title: 'Lần thứ hai' })).toBe(false);
    expect(await notify(other.id, n)).toBe(true); // same event, another person

    const res = await inbox(learnerToken);
    expect(res.status).toBe(200);
    const list = res.body as NotificationList;
    expect(list.items.filter((i) => i.title === 'Lần thứ hai')).toHaveLength(0);
    const item = list.items.find((i) => i.body === n.body);
    if (!item) throw new Error('the notification is not in the inbox');
    expect(item).toMatchObject({
      type: 'certificate-issued',
      link: '/my-certificates',
      readAt: null,
    });
    const mails = await mailsFor(learner.id);
    expect(mails).toEqual([
      { idempotencyKey: `notification:${item.id}`, template: 'notification' },
    ]);
    // Time-ordered ids (UUID v7), so bulk inserts append to their indexes.
    expect(item.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // Its outbox row: a mail batch job (of one mail here) that names it.
    const [mailId] = (await t.db.query(`SELECT id FROM mail WHERE user_id = $1`, [learner.id])).map(
      (m: { id: string }) => m.id,
    );
    const queued = await t.db.query(
      `SELECT job_name AS "jobName", job_id AS "jobId", payload FROM outbox WHERE payload->'mailIds' ? $1`,
      [mailId],
    );
    expect(queued).toEqual([
      { jobName: 'send-mail-batch', jobId: `mails-${mailId}`, payload: { mailIds: [mailId] } },
    ]);
    // No email: the inbox item only.
    expect(await mailsFor(other.id)).toHaveLength(0);
    expect((await inbox(otherToken)).body.total).toBe(1);
  });

  it('lists newest first with the unread count; marks one and then all read', async () => {
    const person = await t.make.user(tree.a);
    const token = await t.tokenFor(person.username);
    for (const title of ['Một', 'Hai', 'Ba']) await notify(person.id, content({ title }));
    const first = (await inbox(token)).body as NotificationList;
    expect(first.items.map((i) => i.title)).toEqual(['Ba', 'Hai', 'Một']);
    expect(first).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });

    const read = await t.http
      .post(`/api/me/notifications/${first.items[2].id}/read`)
      .set('Authorization', token);
    expect(read.status).toBe(204);
    const unreadOnly = (await inbox(token, { unread: 'true' })).body as NotificationList;
    expect(unreadOnly.items.map((i) => i.title)).toEqual(['Ba', 'Hai']);
    expect(unreadOnly.total).toBe(2);
    const count = await t.http
      .get('/api/me/notifications/unread-count')
      .set('Authorization', token);
    expect(count.body).toEqual({ unread: 2 });

    // Someone else's notification is not there for this caller.
    const foreign = await t.http
      .post(`/api/me/notifications/${first.items[0].id}/read`)
      .set('Authorization', otherToken);
    expect(foreign.status).toBe(404);
    expect((await inbox(token)).body.unread).toBe(2);

    const all = await t.http.post('/api/me/notifications/read-all').set('Authorization', token);
    expect(all.status).toBe(204);
    expect((await inbox(token)).body.unread).toBe(0);
  });

  it('answers 400 with field errors for bad input', async () => {
    const badId = await t.http
      .post('/api/me/notifications/not-a-uuid/read')
      .set('Authorization', learnerToken);
    expect(badId.status).toBe(400);
    const badFlag = await inbox(learnerToken, { unread: 'maybe' });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.errors).toEqual([expect.objectContaining({ field: 'unread' })]);
    const badPrefs = await t.http
      .put('/api/me/notification-preferences')
      .set('Authorization', learnerToken)
      .send({
        items: [
          { type: 'certificate-issued', mail: false },
          { type: 'hr-digest', mail: 'no' },
        ],
      });
    expect(badPrefs.status).toBe(400);
    expect(badPrefs.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'items.0.type',
      'items.1.mail',
    ]);
  });

  it('keeps a muted optional kind in the inbox without mailing it; what must be known is mailed anyway', async () => {
    const person = await t.make.user(tree.a1);
    await t.db.query(`UPDATE app_user SET email = 'mute@example.vn' WHERE id = $1`, [person.id]);
    const token = await t.tokenFor(person.username);
    const defaults = await t.http
      .get('/api/me/notification-preferences')
      .set('Authorization', token);
    expect(defaults.body.items).toContainEqual({ type: 'requirement-due', mail: true });

    const put = await t.http
      .put('/api/me/notification-preferences')
      .set('Authorization', token)
      .send({ items: [{ type: 'requirement-due', mail: false }] });
    expect(put.status).toBe(200);
    expect(put.body.items).toContainEqual({ type: 'requirement-due', mail: false });
    expect(put.body.items).toContainEqual({ type: 'hr-digest', mail: true });

    await notify(person.id, content({ type: 'requirement-due', eventKey: 'requirement-due-7:x' }));
    await notify(
      person.id,
      content({ type: 'requirement-overdue', eventKey: 'requirement-overdue:x' }),
    );
    expect((await inbox(token)).body.total).toBe(2);
    const mails = await t.db.query(
      `SELECT n.type FROM mail m JOIN notification n ON m.idempotency_key = 'notification:' || n.id
        WHERE m.user_id = $1`,
      [person.id],
    );
    expect(mails).toEqual([{ type: 'requirement-overdue' }]);
  });

  it('shows HR of the person’s scope what was sent, with the mail’s fate and the reminder count', async () => {
    const person = await t.make.user(tree.a1);
    await t.db.query(`UPDATE app_user SET email = 'log@example.vn' WHERE id = $1`, [person.id]);
    for (const days of [30, 7, 1]) {
      await notify(
        person.id,
        content({
          type: 'requirement-due',
          eventKey: `requirement-due-${days}:r`,
          title: `Còn ${days} ngày`,
        }),
      );
    }
    await t.db.query(
      `UPDATE mail SET status = 'failed', last_error = '501 Bad recipient' WHERE user_id = $1`,
      [person.id],
    );
    // Last year's overdue notice (an hour before 1 January in Vietnam): kept, not this year's.
    await t.db.query(
      `INSERT INTO notification (user_id, type, event_key, title, body, created_at)
       VALUES ($1, 'requirement-overdue', 'requirement-overdue:last-year', 'Quá hạn', 'Quá hạn.',
               date_trunc('year', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AT TIME ZONE 'Asia/Ho_Chi_Minh' - interval '1 hour')`,
      [person.id],
    );
    const hrA = await t.make.user(tree.a, { roles: ['learner', 'hr'] });
    const hrB = await t.make.user(tree.b, { roles: ['learner', 'hr'] });
    const url = `/api/users/${person.id}/notifications`;

    const seen = await t.http.get(url).set('Authorization', await t.tokenFor(hrA.username));
    expect(seen.status).toBe(200);
    const log = seen.body as SentNotificationList;
    expect(log).toMatchObject({ total: 4, reminders: 4, remindersThisYear: 3 });
    const [{ last }] = await t.db.query(
      `SELECT max(created_at) AS last FROM notification WHERE user_id = $1 AND type = 'requirement-due'`,
      [person.id],
    );
    expect(log.lastReminderAt).toBe(new Date(last).toISOString());
    expect(log.items[0].mail).toEqual({
      status: 'failed',
      sentAt: null,
      lastError: '501 Bad recipient',
    });

    const outside = await t.http.get(url).set('Authorization', await t.tokenFor(hrB.username));
    expect(outside.status).toBe(404);
    const learnerAsks = await t.http.get(url).set('Authorization', learnerToken);
    expect(learnerAsks.status).toBe(403);
  });
});
