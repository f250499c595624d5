/**
 * Who is told that a coverage report (and its CSV, XLSX and PDF exports, rendered by the
 * same job) is ready: whoever asked for it, and every active sysadmin when it is an official
 * yearly one. `$1` is the report id; yields the columns of `NotificationsService.notifyMany`,
 * keyed by report so a retried job tells each person once.
 */
export const REPORT_READY_SQL = `
  WITH r AS (
    SELECT r.id, r.year, r.official, r.requested_by, o.name AS unit_name
      FROM coverage_report r JOIN org_unit o ON o.id = r.org_unit_id
     WHERE r.id = $1 AND r.status = 'completed'),
  recipients AS (
    SELECT requested_by AS user_id FROM r WHERE requested_by IS NOT NULL
    UNION
    SELECT u.id FROM app_user u, r WHERE r.official AND 'sysadmin' = ANY (u.roles))
  SELECT p.user_id, 'report-ready:' || r.id AS event_key,
         CASE WHEN r.official THEN 'Báo cáo chính thức năm ' || r.year || ' đã được lập'
              ELSE 'Báo cáo độ phủ bồi dưỡng năm ' || r.year || ' đã sẵn sàng' END AS title,
         'Báo cáo của ' || r.unit_name || ' năm ' || r.year
           || ' đã được lập; có thể xem và tải về (CSV, XLSX, PDF).' AS body,
         '/reports/' || r.id AS link
    FROM recipients p CROSS JOIN r`;
