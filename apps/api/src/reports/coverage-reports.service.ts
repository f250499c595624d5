import {
  CoverageExportFormat,
  coverageExportKey,
  CoverageReport,
  CoverageReportSummary,
  CsvSeparator,
} from '@dx/contracts';
import {
  COVERAGE_CONTENT_TYPES,
  COVERAGE_REPORT_UNIT_ROW_SQL,
  coverageAsciiFileName,
  coverageFileName,
  CoverageSnapshot,
  listCoverageReports,
  mergesAround,
  readCoverageSnapshot,
  renderCoverageCsv,
  renderCoveragePdf,
  renderCoverageXlsx,
} from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CoverageListQueryDto } from './dto/coverage-list.query';
import { CoverageReportAccess, ReadableReport } from './coverage-report-access.service';

/** The worker stores the three files within seconds of the snapshot; past this, one is lost. */
const MISSING_EXPORT_WARN_MS = 10 * 60_000;

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
    private readonly access: CoverageReportAccess,
    private readonly scope: OrgScopeService,
  ) {}

  /** Stored reports the caller may read: their own requests and the official ones. */
  async list(user: AuthUser, q: CoverageListQueryDto): Promise<CoverageReportSummary[]> {
    // A unit outside the caller's reach is not found (as everywhere else).
    if (q.orgUnitId) await this.scope.findVisibleOrAbsorbed(user, q.orgUnitId);
    return listCoverageReports(this.db.manager, {
      userId: user.id,
      prefix: await this.scope.scopePath(user),
      orgUnitId: q.orgUnitId,
      year: q.year,
      limit: 200,
    });
  }

  async report(user: AuthUser, id: string): Promise<CoverageReport> {
    const readable = await this.access.findCompleted(user, id);
    const { report } = readable;
    const { rows } = await this.snapshot(readable);
    return {
      id: report.id,
      year: report.year,
      orgUnitId: report.orgUnitId,
      official: report.official,
      timeZone: report.timeZone,
      generatedAt: (report.generatedAt as Date).toISOString(),
      ...(report.readSource
        ? { readFrom: { server: report.readSource, detail: report.readDetail ?? '' } }
        : {}),
      rows,
      merges: await mergesAround(
        this.db.manager,
        rows.map((r) => r.orgUnitId),
      ),
    };
  }

  async exportFile(
    user: AuthUser,
    id: string,
    format: CoverageExportFormat,
    separator: CsvSeparator = ',',
  ): Promise<CoverageExportFile> {
    const readable = await this.access.findCompleted(user, id);
    const { report } = readable;
    if (readable.rows || (format === 'csv' && separator !== ',')) {
      // Part of an official report (HR's subtree of the national one), or a CSV for Excel in
      // Vietnamese: drawn from the stored snapshot now (a subtree's rows; the figures are
      // frozen, nothing is recomputed). The worker's files hold the whole default export.
      const snapshot = await this.snapshot(readable);
      const body =
        format === 'csv'
          ? renderCoverageCsv(snapshot, { separator })
          : format === 'xlsx'
            ? await renderCoverageXlsx(snapshot)
            : await renderCoveragePdf(snapshot);
      return {
        stream: Readable.from([body]),
        contentType: COVERAGE_CONTENT_TYPES[format],
        fileName: coverageFileName(snapshot, format),
        asciiFileName: coverageAsciiFileName(snapshot, format),
      };
    }
    const key = coverageExportKey(report.id, format);
    if (!(await this.storage.exists(key))) {
      // A GET never queues work: the worker renders every format right after the snapshot,
      // and its sweep (requeue-lost-jobs) renders again a file that went missing later.
      // Long after the snapshot, a missing file is worth a line: the sweep is re-rendering it.
      if (Date.now() - (report.generatedAt?.getTime() ?? 0) > MISSING_EXPORT_WARN_MS)
        this.logger.warn(`Export ${key} of report ${report.id} is missing; the worker re-renders it`);
      throw new ConflictException('The export is being prepared; try again shortly');
    }
    // File names use the unit as the report shows it (its name at the end of the year).
    const [root] = await this.db.query(COVERAGE_REPORT_UNIT_ROW_SQL, [report.id, report.orgUnitId]);
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

  /** The stored rows the caller may read; a partial view is named after its top row. */
  private async snapshot({ report, rows }: ReadableReport): Promise<CoverageSnapshot> {
    const whole = await readCoverageSnapshot(this.db.manager, report);
    if (!rows) return whole;
    const mine = whole.rows.filter((r) => rows.has(r.orgUnitId));
    const top = mine.find((r) => !rows.has(r.parentId ?? '')) ?? mine[0];
    return { ...whole, unitCode: top?.code ?? '', unitName: top?.name ?? '', rows: mine };
  }
}
