import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import {
  ensureLedgerPlacement,
  peopleBatches,
  peopleSheetTitle,
  writePeopleCsv,
  writePeopleXlsx,
} from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { FileJobProgress, filesExpireAt } from '../file-jobs/file-job-progress';
import { completeFileJob, failFileJob, startFileJob } from '../file-jobs/file-job-rows';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';

export type PeopleExportOutcome = 'completed' | 'already-done' | 'missing';

/** People read per query: one batch of units' people, a few MB at most. */
const BATCH = 5_000;

/**
 * Makes one people export (the list of `GET /api/reports/people` for a subtree): places
 * the year in the ledger if needed, reads the people batch by batch with the list's own
 * query module and streams the CSV (BOM) or XLSX straight into storage, so memory stays
 * flat for a province. Idempotent: a completed export is not made again; a retried one
 * starts over and overwrites its file.
 */
@Injectable()
export class PeopleExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fileReady: FileReadyNotifier,
  ) {}

  async export(
    id: string,
    report: (progress: number) => Promise<void>,
  ): Promise<PeopleExportOutcome> {
    const row = await startFileJob(this.db, 'people_export', id);
    if (typeof row === 'string') return row;

    const timeZone = this.config.reportsTimeZone;
    const today = calendarDate(timeZone);
    const end = `${row.year}-12-31`;
    const asOf = end < today ? end : today;
    await ensureLedgerPlacement(this.db.manager, row.year, asOf);
    const progress = new FileJobProgress(this.db, id, report);
    const q = {
      orgUnitId: row.orgUnitId,
      year: row.year,
      asOf,
      status: row.peopleStatus ?? 'all',
      dxRole: row.dxRole ?? undefined,
      timeZone,
    };
    const batches = peopleBatches(this.db.manager, q, BATCH, (total) => progress.setTotal(total));

    const key = `exports/people/${row.year}/${id}.${row.format}`;
    const out = new PassThrough();
    const stored = this.storage.put(key, out);
    // put() is awaited below; until then its failure must not go unhandled.
    stored.catch(() => undefined);
    try {
      if (row.format === 'xlsx') {
        const title = peopleSheetTitle(q.status, row.year, row.unitName);
        await writePeopleXlsx(out, title, batches, progress.add);
      } else {
        await writePeopleCsv(out, batches, progress.add);
      }
      out.end();
    } catch (err) {
      out.destroy(err as Error);
      throw err;
    }
    await stored;
    await completeFileJob(
      this.db,
      'people_export',
      row,
      {
        done: progress.rows,
        count: progress.rows,
        fileKey: key,
        filesExpireAt: filesExpireAt(this.config.fileJobRetentionDays),
      },
      this.fileReady,
    );
    await report(100);
    return 'completed';
  }

  markFailed(id: string, error: string): Promise<void> {
    return failFileJob(this.db, id, error);
  }
}
