import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  calendarDate,
  JobName,
  PeopleExportStatus,
  PeopleReportFormat,
  peopleExportJobId,
} from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../auth/auth-user';
import { FileJobDownload, FileJobsService } from '../file-jobs/file-jobs.service';
import { invalidField } from '../http/invalid-input';
import { OrgScopeService } from '../org-units/org-scope.service';
import { RequestPeopleExportDto } from './dto/people-export.dto';

const PREFIX = 'people-export';

const CONTENT_TYPES: Record<PeopleReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `GET /api/reports/people` of a whole subtree (a province: ~60,000 people) as a file made
 * by the worker, a file job (`FileJobsService`): hr of the unit's scope and sysadmins ask,
 * follow and download; the same rows and columns as the synchronous `&format=`.
 */
@Injectable()
export class PeopleExportsService {
  constructor(
    private readonly scope: OrgScopeService,
    private readonly fileJobs: FileJobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(user: AuthUser, dto: RequestPeopleExportDto): Promise<{ jobId: string }> {
    const unit = await this.scope.findVisible(user, dto.orgUnitId);
    const currentYear = Number(calendarDate(this.config.reportsTimeZone).slice(0, 4));
    const year = dto.year ?? currentYear;
    // As the list: a year that has not begun has nobody placed in it.
    if (year > currentYear)
      throw invalidField('year', `Năm không được sau năm nay (${currentYear}).`, 'max', {
        max: currentYear,
      });
    // A separator means nothing to a workbook: asking for one is a mistake worth telling.
    if (dto.separator !== undefined && dto.format !== 'csv')
      throw invalidField('separator', 'may only be given with format csv', 'csv_only');
    const id = randomUUID();
    const jobId = peopleExportJobId(id);
    const filters = {
      year,
      format: dto.format,
      peopleStatus: dto.status,
      dxRole: dto.dxRole ?? null,
      csvSeparator: dto.format === 'csv' ? (dto.separator ?? ',') : null,
    };
    await this.fileJobs.request(user, {
      kind: 'people_export',
      id,
      unit,
      fields: filters,
      job: { name: JobName.ExportPeople, id: jobId, payload: { exportId: id } },
      audit: { action: 'report.people_export_requested', details: { exportId: id, ...filters } },
    });
    return { jobId };
  }

  async status(user: AuthUser, jobId: string): Promise<PeopleExportStatus> {
    const row = await this.fileJobs.find(user, 'people_export', PREFIX, jobId);
    const base = {
      state: row.state,
      progress: row.progress,
      done: row.done,
      ...(row.total === null ? {} : { total: row.total }),
    };
    if (row.state === 'failed') return { ...base, error: row.error ?? 'failed' };
    if (row.state !== 'completed' || row.filesDeletedAt) return base;
    return {
      ...base,
      downloadUrl: `/api/reports/people/exports/${peopleExportJobId(row.id)}/file`,
      expiresAt: row.filesExpireAt?.toISOString(),
    };
  }

  async file(user: AuthUser, jobId: string): Promise<FileJobDownload> {
    const row = await this.fileJobs.find(user, 'people_export', PREFIX, jobId);
    const what = row.peopleStatus === 'untrained' ? 'chua-boi-duong' : 'danh-sach';
    const code = row.unitCode.replace(/[^A-Za-z0-9-]/g, '-');
    return this.fileJobs.download(row, row.fileKey, {
      contentType: CONTENT_TYPES[row.format],
      fileName: `${what}-${code}-${row.year}.${row.format}`,
    });
  }
}
