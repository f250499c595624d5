import { PurgeExpiredFilesResult } from '@dx/contracts';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Rows claimed per round: a long backlog is purged in short transactions. */
const BATCH = 200;

/**
 * File retention: deletes the files of file jobs whose `files_expire_at` has passed and
 * marks the rows (`files_deleted_at`; downloads then answer 410). A row is marked only
 * after its files are gone from storage, so a crash between the two deletes them again on
 * the next run (deleting a missing file is a no-op). `SKIP LOCKED` lets two workers share
 * a backlog.
 */
@Injectable()
export class ExpiredFilesService {
  private readonly logger = new Logger(ExpiredFilesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async purge(now = new Date()): Promise<PurgeExpiredFilesResult> {
    const result = { jobs: 0, files: 0 };
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const rows: { id: string; keys: string[] }[] = await tx.query(
          `SELECT id, array_remove(ARRAY[file_key, pdf_key, xlsx_key], NULL) AS keys
             FROM file_job
            WHERE files_expire_at <= $1 AND files_deleted_at IS NULL
            ORDER BY files_expire_at
            LIMIT ${BATCH}
              FOR UPDATE SKIP LOCKED`,
          [now],
        );
        for (const row of rows) {
          for (const key of row.keys) await this.storage.delete(key);
          result.files += row.keys.length;
        }
        if (rows.length)
          await tx.query(
            `UPDATE file_job SET files_deleted_at = now() WHERE id = ANY ($1::uuid[])`,
            [rows.map((r) => r.id)],
          );
        return rows.length;
      });
      result.jobs += n;
      if (n < BATCH) break;
    }
    if (result.jobs)
      this.logger.log(`Deleted ${result.files} expired file(s) of ${result.jobs} job(s)`);
    return result;
  }
}
