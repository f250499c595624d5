import { NotificationsService } from '@dx/db';
import { CoverageFixture } from '@dx/testing';
import type { DataSource } from 'typeorm';

/**
 * `count` people with an address `<tag>.<n>@example.vn`, each notified once, as the daily
 * reminders do (inbox item, mail row, one outbox batch row per 50 mails), committed in one
 * transaction; resolves when it is committed.
 */
export async function bulkNotified(db: DataSource, tag: string, count: number): Promise<void> {
  const unit = await new CoverageFixture(db).unit(`Xã ${tag}`);
  await db.query(
    `INSERT INTO app_user (username, full_name, email, org_unit_id, dx_role)
     SELECT $1 || '.' || n, 'Nguyễn Văn ' || n, $1 || '.' || n || '@example.vn', $3, 'full_time'
       FROM generate_series(1, $2::int) n`,
    [tag, count, unit.id],
  );
  await db.transaction((tx) =>
    new NotificationsService().notifyMany(tx, {
      type: 'requirement-due',
      sql: `SELECT id AS user_id, 'bulk:' || $1 AS event_key, 'Còn 1 ngày đến hạn' AS title,
                   'Hạn cuối ngày 31/12/2026.' AS body, NULL::varchar AS link
              FROM app_user WHERE username LIKE $1 || '.%'`,
      params: [tag],
    }),
  );
}
