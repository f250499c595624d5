import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import {
  ensureLedgerPlacement,
  peopleBatches,
  PeopleReportQuery,
  peopleSheetTitle,
  writePeopleCsv,
  writePeopleXlsx,
} from '@dx/reports';
import { ReadReplica } from '@dx/db';
import { FILE_STORAGE, FileStorage, writeStoredFile } from '@dx/storage';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FileJobProgress, filesExpireAt } from '../file-jobs/file-job-progress';
import { completeFileJob, failFileJob, FileJobRow, startFileJob } from '../file-jobs/file-job-rows';
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
    private readonly replica: ReadReplica,
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
    // Placed on the primary (a no-op once the year is placed on this day); the list itself is
    // a heavy read, on the replica when it is current, as the API's people list: one that has
    // not replayed a placement just written is waited for, then the primary answers. A
    // replica lost mid-file makes the whole file again on the primary (each attempt streams
    // its own upload; a failed upload leaves no object behind).
    const placed = await ensureLedgerPlacement(this.db.manager, row.year, asOf);
    const q = {
      orgUnitId: row.orgUnitId,
      year: row.year,
      asOf,
      status: row.peopleStatus ?? 'all',
      dxRole: row.dxRole ?? undefined,
      timeZone,
    };
    const key = `exports/people/${row.year}/${id}.${row.format}`;
    const rows = await this.replica.read((m) => this.writeFile(m, { id, key, q, row }, report), {
      waitMs: this.replica.reportWaitMs,
      freshAsOf: placed ? new Date() : undefined,
    });
    await completeFileJob(
      this.db,
      'people_export',
      row,
      {
        done: rows,
        count: rows,
        fileKey: key,
        filesExpireAt: filesExpireAt(this.config.fileJobRetentionDays),
      },
      this.fileReady,
    );
    await report(100);
    return 'completed';
  }

  /** Reads the list through `m` and streams the file into storage; the rows written. */
  private async writeFile(
    m: EntityManager,
    job: { id: string; key: string; q: PeopleReportQuery; row: FileJobRow<'people_export'> },
    report: (progress: number) => Promise<void>,
  ): Promise<number> {
    const { id, key, q, row } = job;
    const progress = new FileJobProgress(this.db, id, report);
    const batches = peopleBatches(m, q, BATCH, (total) => progress.setTotal(total));

    await writeStoredFile(this.storage, key, async (out) => {
      if (row.format === 'xlsx') {
        const title = peopleSheetTitle(q.status, row.year, row.unitName);
        await writePeopleXlsx(out, title, batches, progress.add);
      } else {
        await writePeopleCsv(out, batches, progress.add, row.csvSeparator ?? ',');
      }
    });
    return progress.rows;
  }

  markFailed(id: string, error: string): Promise<void> {
    return failFileJob(this.db, id, error);
  }
}
