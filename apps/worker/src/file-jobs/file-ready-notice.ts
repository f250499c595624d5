import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, FileJobPage, fileJobPath } from '@dx/contracts';
import { FileJobKind, NotificationContent, NotificationsService } from '@dx/db';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a finished file job says to whoever asked, from its row and what it made. */
export interface FinishedFileJob {
  id: string;
  unitName: string;
  year: number | null;
  format: string | null;
  count: number;
  filesExpireAt: Date;
}

const PAGE: Record<FileJobKind, FileJobPage> = {
  activation_slips: 'activation-slips',
  certificate_export: 'certificate-exports',
  people_export: 'people-exports',
};

/** Title and what the file holds, per kind (Vietnamese, as the inbox and the mail show it). */
function describe(kind: FileJobKind, job: FinishedFileJob): { title: string; what: string } {
  const format = (job.format ?? '').toUpperCase();
  switch (kind) {
    case 'activation_slips':
      return {
        title: `Phiếu kích hoạt tài khoản của ${job.unitName} đã sẵn sàng`,
        what: `${job.count} phiếu kích hoạt (tệp PDF để in và danh sách XLSX)`,
      };
    case 'certificate_export':
      return job.format === 'zip'
        ? {
            title: `Tệp chứng chỉ năm ${job.year} của ${job.unitName} đã sẵn sàng`,
            what: `${job.count} chứng chỉ (tệp ZIP các bản PDF)`,
          }
        : {
            title: `Sổ cấp chứng chỉ năm ${job.year} của ${job.unitName} đã sẵn sàng`,
            what: `sổ cấp ${job.count} chứng chỉ (tệp ${format})`,
          };
    case 'people_export':
      return {
        title: `Danh sách cán bộ năm ${job.year} của ${job.unitName} đã sẵn sàng`,
        what: `danh sách ${job.count} người (tệp ${format})`,
      };
  }
}

/**
 * Tells whoever asked for a file job that its files are ready: the `export-ready` notice,
 * keyed by the job, so a retried or repeated completion tells them once. It links to the
 * app's page of the job, where the files can be downloaded until the retention job deletes
 * them (the date it says, in TZ_REPORTS).
 */
@Injectable()
export class FileReadyNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inside `tx`, the transaction that completes the job; false when already told. */
  tell(
    tx: EntityManager,
    kind: FileJobKind,
    userId: string,
    job: FinishedFileJob,
  ): Promise<boolean> {
    return this.notifications.notify(
      tx,
      userId,
      fileReadyNotice(kind, job, this.config.reportsTimeZone),
    );
  }
}

/** The notice itself (title, body, link), in Vietnamese as the inbox and the mail show it. */
export function fileReadyNotice(
  kind: FileJobKind,
  job: FinishedFileJob,
  timeZone: string,
): NotificationContent {
  const { title, what } = describe(kind, job);
  const until = calendarDate(timeZone, job.filesExpireAt).split('-').reverse().join('/');
  return {
    type: 'export-ready',
    eventKey: `export-ready:${job.id}`,
    title,
    body: `Đã lập xong ${what}. Anh/chị có thể tải về đến ngày ${until}.`,
    link: fileJobPath(PAGE[kind], job.id),
  };
}
