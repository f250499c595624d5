import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options';
import { createTestDatabase, dropTestDatabase } from '../testing';
import { NotificationsService } from './notifications.service';

/** "Kept 12 months" (issue #14): the purge the daily reminder run ends with. */
describe('NotificationsService.purgeOlderThanYear (real PostgreSQL)', () => {
  let url: string;
  let db: DataSource;
  const notifications = new NotificationsService();

  beforeAll(async () => {
    url = await createTestDatabase('dx_notif_purge');
    db = await new DataSource(buildDataSourceOptions({ url, poolSize: 2 })).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  async function person(): Promise<string> {
    const unit = randomUUID();
    await db.query(
      `INSERT INTO org_unit (id, code, name, path, depth, valid_from)
       VALUES ($1, $2, 'Xã Thử', $3, 0, '2000-01-01')`,
      [unit, `P-${unit.slice(0, 8)}`, `/${unit}/`],
    );
    const [{ id }] = await db.query(
      `INSERT INTO app_user (username, full_name, org_unit_id) VALUES ($1, 'Phạm Thị Thu', $2)
       RETURNING id`,
      [`purge.${unit.slice(0, 8)}`, unit],
    );
    return id;
  }

  /** A notice created at `createdAt` (read or not), named by its event key. */
  async function notice(userId: string, eventKey: string, createdAt: string, read: boolean) {
    await db.query(
      `INSERT INTO notification (user_id, type, event_key, title, body, created_at, read_at)
       VALUES ($1, 'requirement-due', $2, 'Còn 7 ngày đến hạn', 'Hạn cuối ngày 31/12.', $3::timestamptz,
               CASE WHEN $4 THEN $3::timestamptz END)`,
      [userId, eventKey, createdAt, read],
    );
  }

  const keys = async (userId: string): Promise<string[]> =>
    (
      await db.query(`SELECT event_key FROM notification WHERE user_id = $1 ORDER BY event_key`, [
        userId,
      ])
    ).map((r: { event_key: string }) => r.event_key);

  it('deletes notices older than 12 months before the day, read or unread, and keeps newer ones', async () => {
    const userId = await person();
    await notice(userId, 'old-read', '2025-03-01T09:00:00+07:00', true);
    await notice(userId, 'old-unread', '2025-06-14T23:59:00+07:00', false);
    await notice(userId, 'a-year-ago-today', '2025-06-15T10:00:00+07:00', false);
    await notice(userId, 'recent-unread', '2026-01-10T08:00:00+07:00', false);
    await notice(userId, 'recent-read', '2026-06-14T08:00:00+07:00', true);

    expect(await notifications.purgeOlderThanYear(db, '2026-06-15')).toBe(2);
    expect(await keys(userId)).toEqual(['a-year-ago-today', 'recent-read', 'recent-unread']);
    // The same day again removes nothing more: the daily run can be retried.
    expect(await notifications.purgeOlderThanYear(db, '2026-06-15')).toBe(0);
  });
});
