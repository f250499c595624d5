import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  certificateExportJobId,
  CertificateExportFormat,
  CertificateExportStatus,
  JobName,
} from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../auth/auth-user';
import { FileJobDownload, FileJobsService } from '../file-jobs/file-jobs.service';
import { refuseFutureYear } from '../http/invalid-input';
import { OrgScopeService } from '../org-units/org-scope.service';
import { RequestCertificateExportDto } from './dto/request-certificate-export.dto';

const PREFIX = 'certificate-export';

const CONTENT_TYPES = {
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * Exports of a unit subtree's certificates of a year, a file job (`FileJobsService`): the
 * API records the request (row + outbox row + audit entry, one transaction); the worker
 * makes the file and writes state and progress on the row. Who may follow an export:
 * whoever may ask for one of that unit today (trainer or hr in scope, sysadmin).
 */
@Injectable()
export class CertificateExportsService {
  constructor(
    private readonly scope: OrgScopeService,
    private readonly fileJobs: FileJobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(user: AuthUser, dto: RequestCertificateExportDto): Promise<{ jobId: string }> {
    refuseFutureYear(dto.year, this.config.reportsTimeZone);
    const unit = await this.scope.findVisible(user, dto.orgUnitId);
    const id = randomUUID();
    const jobId = certificateExportJobId(id);
    await this.fileJobs.request(user, {
      kind: 'certificate_export',
      id,
      unit,
      fields: { year: dto.year, format: dto.format },
      job: { name: JobName.ExportCertificates, id: jobId, payload: { exportId: id } },
      audit: {
        action: 'certificate.export_requested',
        details: { exportId: id, year: dto.year, format: dto.format },
      },
    });
    return { jobId };
  }

  async status(user: AuthUser, jobId: string): Promise<CertificateExportStatus> {
    const row = await this.fileJobs.find(user, 'certificate_export', PREFIX, jobId);
    const base = { state: row.state, progress: row.progress };
    if (row.state === 'failed') return { ...base, error: row.error ?? 'failed' };
    if (row.state !== 'completed' || !row.fileKey) return base;
    const direct = await this.fileJobs.directUrl(row, row.fileKey, fileOf(row));
    return {
      ...base,
      count: row.count ?? 0,
      downloadUrl: direct ?? `/api/certificates/exports/${certificateExportJobId(row.id)}/file`,
    };
  }

  async file(user: AuthUser, jobId: string): Promise<FileJobDownload> {
    const row = await this.fileJobs.find(user, 'certificate_export', PREFIX, jobId);
    return this.fileJobs.download(row, row.fileKey, fileOf(row));
  }
}

/** `so-cap-<code>-<year>.xlsx`, `giay-chung-nhan-<code>-<year>.zip`: ASCII, safe everywhere. */
function fileOf(row: { unitCode: string; year: number; format: CertificateExportFormat }) {
  const code = row.unitCode.replace(/[^A-Za-z0-9-]/g, '-');
  const what = row.format === 'zip' ? 'giay-chung-nhan' : 'so-cap';
  return {
    contentType: CONTENT_TYPES[row.format],
    fileName: `${what}-${code}-${row.year}.${row.format}`,
  };
}
