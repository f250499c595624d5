import { NotificationsService } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Tells whoever asked for a coverage report that it is ready, and every sysadmin when it
 * is an official yearly one. Keyed by report, so a retried job tells each person once.
 */
const REPORT_READY_SQL = `
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

@Injectable()
export class ReportReadyNotifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async reportReady(reportId: string): Promise<number> {
    const { notified } = await this.db.transaction((tx) =>
      this.notifications.notifyMany(tx, {
        type: 'report-ready',
        sql: REPORT_READY_SQL,
        params: [reportId],
      }),
    );
    return notified;
  }
}
