import { NotificationsService } from '@dx/db';
import { REPORT_READY_SQL } from '@dx/reports';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Tells whoever asked for a coverage report that it is ready, and every sysadmin when it
 * is an official yearly one (recipients: REPORT_READY_SQL of the reporting read model).
 */
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
