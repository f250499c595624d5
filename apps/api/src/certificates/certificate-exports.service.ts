import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  calendarDate,
  certificateExportJobId,
  CertificateExportStatus,
  CERTIFICATES_QUEUE,
  JobName,
} from '@dx/contracts';
import { CertificateExportEntity, enqueueJob } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { invalidField } from '../http/invalid-input';
import { OrgScopeService } from '../org-units/org-scope.service';
import { RequestCertificateExportDto } from './dto/request-certificate-export.dto';

const JOB_ID =
  /^certificate-export-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const CONTENT_TYPES = {
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export interface ExportFile {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * Exports of a unit subtree's certificates of a year. The API records the request (row +
 * outbox row, one transaction); the worker makes the file and writes state and progress
 * on the row, which is what every API instance answers from. Who may follow an export:
 * whoever may ask for one of that unit today (trainer or hr in scope, sysadmin).
 */
@Injectable()
export class CertificateExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(user: AuthUser, dto: RequestCertificateExportDto): Promise<{ jobId: string }> {
    const currentYear = Number(calendarDate(this.config.reportsTimeZone).slice(0, 4));
    if (dto.year > currentYear) {
      throw invalidField('year', `must not be after the current year (${currentYear})`);
    }
    const unit = await this.scope.findVisible(user, dto.orgUnitId);
    const id = randomUUID();
    const jobId = certificateExportJobId(id);
    await this.db.transaction(async (tx) => {
      await tx.insert(CertificateExportEntity, {
        id,
        orgUnitId: unit.id,
        unitPath: unit.path,
        unitCode: unit.code,
        unitName: unit.name,
        year: dto.year,
        format: dto.format,
        requestedBy: user.id,
      });
      await enqueueJob(tx, {
        queue: CERTIFICATES_QUEUE,
        jobName: JobName.ExportCertificates,
        jobId,
        payload: { exportId: id },
      });
    });
    return { jobId };
  }

  async status(user: AuthUser, jobId: string): Promise<CertificateExportStatus> {
    const row = await this.find(user, jobId);
    const base = { state: row.state, progress: row.progress };
    if (row.state === 'failed') return { ...base, error: row.error ?? 'failed' };
    if (row.state !== 'completed' || !row.fileKey) return base;
    const direct = await this.storage.downloadUrl(row.fileKey, {
      expiresInSeconds: 300,
      fileName: fileNameOf(row),
      contentType: CONTENT_TYPES[row.format],
    });
    return {
      ...base,
      count: row.count ?? 0,
      downloadUrl: direct ?? `/api/certificates/exports/${certificateExportJobId(row.id)}/file`,
    };
  }

  async file(user: AuthUser, jobId: string): Promise<ExportFile> {
    const row = await this.find(user, jobId);
    if (row.state !== 'completed' || !row.fileKey) {
      throw new ConflictException({ message: 'The export is not ready', errors: [] });
    }
    return {
      stream: this.storage.stream(row.fileKey),
      contentType: CONTENT_TYPES[row.format],
      fileName: fileNameOf(row),
    };
  }

  /** The export if the caller may follow it; 404 otherwise (existence is not revealed). */
  private async find(user: AuthUser, jobId: string): Promise<CertificateExportEntity> {
    const match = JOB_ID.exec(jobId);
    const row = match
      ? await this.db
          .getRepository(CertificateExportEntity)
          .findOneBy({ id: match[1].toLowerCase() })
      : null;
    if (!row || !(await this.scope.contains(user, { path: row.unitPath }))) {
      throw new NotFoundException('Certificate export not found');
    }
    return row;
  }
}

/** `so-cap-<code>-<year>.xlsx`, `giay-chung-nhan-<code>-<year>.zip`: ASCII, safe everywhere. */
function fileNameOf(row: CertificateExportEntity): string {
  const code = row.unitCode.replace(/[^A-Za-z0-9-]/g, '-');
  const what = row.format === 'zip' ? 'giay-chung-nhan' : 'so-cap';
  return `${what}-${code}-${row.year}.${row.format}`;
}
