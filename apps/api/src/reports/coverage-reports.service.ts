import {
  CoverageExportFormat,
  coverageExportKey,
  CoverageJobData,
  CoverageReport,
  REPORTS_QUEUE,
  ReportJob,
} from '@dx/contracts';
import { CoverageReportEntity } from '@dx/db';
import {
  COVERAGE_CONTENT_TYPES,
  coverageAsciiFileName,
  coverageFileName,
  readCoverageSnapshot,
} from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CoverageReportAccess } from './coverage-report-access.service';
import { withTimeout } from './redis-timeout';

export interface CoverageExportFile {
  stream: Readable;
  contentType: string;
  fileName: string;
  asciiFileName: string;
}

/** Reading finished reports: the stored snapshot and the files the worker rendered. */
@Injectable()
export class CoverageReportsService {
  private readonly logger = new Logger(CoverageReportsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<CoverageJobData>,
    private readonly access: CoverageReportAccess,
  ) {}

  async report(user: AuthUser, id: string): Promise<CoverageReport> {
    const report = await this.access.findCompleted(user, id);
    const { rows } = await readCoverageSnapshot(this.db.manager, report);
    return {
      id: report.id,
      year: report.year,
      orgUnitId: report.orgUnitId,
      official: report.official,
      timeZone: report.timeZone,
      generatedAt: (report.generatedAt as Date).toISOString(),
      rows,
    };
  }

  async exportFile(
    user: AuthUser,
    id: string,
    format: CoverageExportFormat,
  ): Promise<CoverageExportFile> {
    const report = await this.access.findCompleted(user, id);
    const key = coverageExportKey(report.id, format);
    if (!(await this.storage.exists(key))) {
      await this.requestRendering(report, key);
      throw new ConflictException('The export is being prepared; try again shortly');
    }
    // File names use the unit as the report shows it (its name at the end of the year).
    const [root] = await this.db.query(
      `SELECT code, name FROM coverage_report_row WHERE report_id = $1 AND org_unit_id = $2`,
      [report.id, report.orgUnitId],
    );
    const named = {
      report,
      unitCode: root?.code ?? report.orgUnit?.code ?? '',
      unitName: root?.name ?? report.orgUnit?.name ?? '',
      rows: [],
    };
    return {
      stream: this.storage.stream(key),
      contentType: COVERAGE_CONTENT_TYPES[format],
      fileName: coverageFileName(named, format),
      asciiFileName: coverageAsciiFileName(named, format),
    };
  }

  /**
   * A completed report whose file is missing: either the worker is still rendering it (its
   * job is pending or active), or the file was lost — then a new job renders what is
   * missing (the worker never recomputes a completed snapshot).
   */
  private async requestRendering(report: CoverageReportEntity, key: string): Promise<void> {
    try {
      const job = await withTimeout(this.queue.getJob(report.jobId), 3_000);
      const state = job ? await withTimeout(job.getState(), 3_000) : 'unknown';
      if (['waiting', 'delayed', 'prioritized', 'active'].includes(state)) return;
      this.logger.error(
        `Export ${key} of a completed report is missing: asking the worker to render it again`,
      );
      await withTimeout(
        this.queue.add(
          ReportJob.Coverage,
          { reportId: report.id },
          { jobId: `${report.jobId}-render-${Date.now()}` },
        ),
        3_000,
      );
    } catch (err) {
      this.logger.warn(`Could not ask for export ${key}: ${(err as Error).message}`);
    }
  }
}
