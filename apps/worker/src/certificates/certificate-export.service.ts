import { APP_CONFIG, AppConfig } from '@dx/config';
import { ReadReplica } from '@dx/db';
import {
  certificateRegisterBatches,
  CertificateRegisterScope,
  countCertificateRegister,
} from '@dx/reports';
import { FILE_STORAGE, FileStorage, writeStoredFile } from '@dx/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FileJobProgress, filesExpireAt } from '../file-jobs/file-job-progress';
import { completeFileJob, failFileJob, FileJobRow, startFileJob } from '../file-jobs/file-job-rows';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';
import { writeCertificatesZip } from './exports/certificates-zip';
import { writeRegisterPdf } from './exports/register-pdf';
import { writeRegisterXlsx } from './exports/register-xlsx';

export type ExportOutcome = 'completed' | 'already-done' | 'missing';

/**
 * Makes one requested export: reads the register batch by batch and streams the file
 * (ZIP of PDFs, XLSX or PDF register) straight into storage, so memory stays flat for
 * any size. Idempotent: a completed export is not made again; a retried one starts over
 * and overwrites its file.
 */
@Injectable()
export class CertificateExportService {
  private readonly logger = new Logger(CertificateExportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly replica: ReadReplica,
    private readonly fileReady: FileReadyNotifier,
  ) {}

  async export(id: string, report: (progress: number) => Promise<void>): Promise<ExportOutcome> {
    const row = await startFileJob(this.db, 'certificate_export', id);
    if (typeof row === 'string') return row;

    const scope = { unitPath: row.unitPath, year: row.year, timeZone: this.config.reportsTimeZone };
    const key = `exports/certificates/${row.year}/${id}.${row.format}`;
    // The register is a heavy read: the replica when it is current (as the API's reads), else
    // the primary. A replica lost mid-file makes the whole file again on the primary: each
    // attempt streams its own upload, and a failed upload leaves no object behind.
    const { total, rows } = await this.replica.read(
      (m) => this.writeFile(m, { id, key, scope, row }, report),
      { waitMs: this.replica.reportWaitMs },
    );
    await completeFileJob(
      this.db,
      'certificate_export',
      row,
      {
        done: rows,
        total,
        count: total,
        fileKey: key,
        filesExpireAt: filesExpireAt(this.config.fileJobRetentionDays),
      },
      this.fileReady,
    );
    await report(100);
    return 'completed';
  }

  /** Reads the register through `m` and streams the file into storage; the rows written. */
  private async writeFile(
    m: EntityManager,
    job: {
      id: string;
      key: string;
      scope: CertificateRegisterScope;
      row: FileJobRow<'certificate_export'>;
    },
    report: (progress: number) => Promise<void>,
  ): Promise<{ total: number; rows: number }> {
    const { id, key, scope, row } = job;
    const progress = new FileJobProgress(this.db, id, report);
    const total = await countCertificateRegister(m, scope);
    await progress.setTotal(total);
    const batches = certificateRegisterBatches(m, scope);
    const onRows = progress.add;

    const meta = { year: row.year, unitName: row.unitName, total };
    await writeStoredFile(this.storage, key, async (out) => {
      if (row.format === 'zip') {
        const { missing } = await writeCertificatesZip(out, this.storage, batches, onRows);
        if (missing.length)
          this.logger.warn(
            `Export ${id}: ${missing.length} PDF(s) not stored yet, listed in the ZIP`,
          );
      } else if (row.format === 'xlsx') {
        await writeRegisterXlsx(out, meta, batches, onRows);
      } else {
        await writeRegisterPdf(out, meta, batches, onRows);
      }
    });
    return { total, rows: progress.rows };
  }

  markFailed(id: string, error: string): Promise<void> {
    return failFileJob(this.db, id, error);
  }
}
