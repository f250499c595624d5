import { RECIPIENT_IS_ACTIVE } from '@dx/db';

/**
 * The daily notice to every active sysadmin of jobs that failed for good since the last run.
 * `$1` the run's date (the event key: one notice a day at most), `$2` how many jobs failed,
 * `$3` the per-queue summary ("mail: 3, reports: 1"). Sent only when `$2` > 0.
 */
export const QUEUE_FAILURES_SQL = `
  SELECT u.id AS user_id, 'queue-failures:' || $1::text AS event_key,
         $2::int || ' tác vụ nền bị lỗi ngày ' || to_char($1::date - 1, 'DD/MM/YYYY') AS title,
         'Các tác vụ nền sau đã lỗi sau khi thử lại hết số lần cho phép: ' || $3::text
           || '. Xem chi tiết và chạy lại tại trang quản trị hàng đợi.' AS body,
         '/system/queues' AS link
    FROM app_user u
   WHERE 'sysadmin' = ANY (u.roles) AND ${RECIPIENT_IS_ACTIVE('u')} AND $2::int > 0`;
