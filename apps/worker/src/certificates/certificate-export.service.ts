import { APP_CONFIG, AppConfig } from '@dx/config';
import { CertificateExportEntity } from '@dx/db';
import { certificateRegisterBatches, countCertificateRegister } from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { filesExpireAt } from '../file-jobs/file-job-progress';
import { writeCertificatesZip } from './exports/certificates-zip';
import { writeRegisterPdf } from './exports/register-pdf';
import { writeRegisterXlsx } from './exports/register-xlsx';

export type ExportOutcome = 'completed' | 'already-done' | 'missing';

/** Progress is written at most this often (a national ZIP has ~10⁵ lines). */
const PROGRESS_EVERY_MS = 1_000;

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
  ) {}

  async export(id: string, report: (progress: number) => Promise<void>): Promise<ExportOutcome> {
    const repo = this.db.getRepository(CertificateExportEntity);
    const row = await repo.findOneBy({ id });
    if (!row) return 'missing';
    if (row.state === 'completed') return 'already-done';
    await repo.update({ id }, { state: 'active', progress: 0, error: null });

    const scope = { unitPath: row.unitPath, year: row.year, timeZone: this.config.reportsTimeZone };
    const total = await countCertificateRegister(this.db.manager, scope);
    const batches = certificateRegisterBatches(this.db.manager, scope);
    let done = 0;
    let last = 0;
    const onRows = async (n: number) => {
      done += n;
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      // 99 at most: 100 means the file is stored.
      const progress = Math.min(99, Math.floor((done / Math.max(total, 1)) * 100));
      await repo.update({ id }, { progress });
      await report(progress);
    };

    const key = `exports/certificates/${row.year}/${id}.${row.format}`;
    const out = new PassThrough();
    const stored = this.storage.put(key, out);
    // put() is awaited below; until then its failure must not go unhandled.
    stored.catch(() => undefined);
    const meta = { year: row.year, unitName: row.unitName, total };
    try {
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
      out.end();
    } catch (err) {
      out.destroy(err as Error);
      throw err;
    }
    await stored;
    await repo.update(
      { id },
      {
        state: 'completed',
        progress: 100,
        done,
        total,
        count: total,
        fileKey: key,
        finishedAt: new Date(),
        filesExpireAt: filesExpireAt(this.config.fileJobRetentionDays),
      },
    );
    await report(100);
    return 'completed';
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db
      .getRepository(CertificateExportEntity)
      .update({ id }, { state: 'failed', error: error.slice(0, 1000), finishedAt: new Date() });
  }
}
