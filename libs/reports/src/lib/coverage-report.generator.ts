import { COVERAGE_EXPORT_FORMATS, coverageExportKey, CoverageExportFormat } from '@dx/contracts';
import { CoverageReadSource, CoverageReportEntity, ReadReplica } from '@dx/db';
import { Logger } from '@nestjs/common';
import type { FileStorage } from '@dx/storage';
import type { DataSource, EntityManager } from 'typeorm';
import {
  coverageReportDay,
  CoverageRowValues,
  insertComputedCoverageRows,
  insertCoverageRows,
  selectCoverageRows,
} from './coverage-ledger';
import { ensureLedgerPlacement } from './ledger-placement';
import { CoverageSnapshot, readCoverageSnapshot } from './coverage-snapshot';
import { renderCoverageCsv } from './exports/coverage-csv';
import { renderCoveragePdf } from './exports/coverage-pdf';
import { renderCoverageXlsx } from './exports/coverage-xlsx';

export type CoverageOutcome =
  /** Snapshot computed now, exports rendered. */
  | 'generated'
  /** Snapshot already complete (a retry): only missing exports were rendered. */
  | 'already-complete'
  /** No such report (deleted, or the job outlived it). */
  | 'missing';

export type ProgressReporter = (percent: number) => Promise<unknown> | unknown;

const RENDERERS: Record<CoverageExportFormat, (s: CoverageSnapshot) => Buffer | Promise<Buffer>> = {
  csv: renderCoverageCsv,
  xlsx: renderCoverageXlsx,
  pdf: renderCoveragePdf,
};

/** Where a report's figures were read, as recorded on its row. */
interface ReadRecord {
  source: CoverageReadSource;
  detail: string;
}

/**
 * Produces one coverage report: the snapshot rows (committed together with the `completed`
 * mark), then the CSV, XLSX and PDF files in storage. Safe to run again at any point: a
 * completed snapshot is never recomputed (an official one could not be: the database
 * refuses), a half-done one starts over, and only missing files are rendered — the
 * snapshot is frozen, so a file once written is the right one.
 *
 * With DATABASE_REPLICA_URL the figures are read on the replica once it has replayed past
 * the request (and the ledger placement this run wrote); a replica that lags longer than
 * DATABASE_REPLICA_WAIT_MS, or is down, sends the read to the primary. The row records which
 * server answered and why (`read_source`, `read_detail`). Writes stay on the primary.
 * Job state lives on the row: `progress` (0 while waiting), `status`.
 */
export class CoverageReportGenerator {
  private readonly logger = new Logger(CoverageReportGenerator.name);

  constructor(
    private readonly db: DataSource,
    private readonly storage: FileStorage,
    /** Where the computation and the exports read; the primary when absent. */
    private readonly reads: ReadReplica = new ReadReplica(db, null),
  ) {}

  async generate(
    reportId: string,
    progress: ProgressReporter = () => undefined,
  ): Promise<CoverageOutcome> {
    const started = await this.recordProgress(reportId, 5, progress);
    if (started === 'missing') return 'missing';
    const computed = this.reads.configured
      ? await this.computeOnReplica(reportId)
      : await this.computeOnPrimary(reportId);
    if (computed === 'missing') return computed;
    // Reported outside the transaction: no row lock is held while Redis is written to.
    await progress(60);
    await this.renderExports(reportId, progress);
    return computed;
  }

  /** Without a replica: one transaction computes and stores the rows (INSERT … SELECT). */
  private computeOnPrimary(reportId: string): Promise<CoverageOutcome> {
    return this.complete(reportId, { source: 'primary', detail: 'no replica configured' }, (tx) =>
      insertCoverageRows(tx, reportId),
    );
  }

  /**
   * With a replica: the ledger placement (a write) on the primary, then the read on the
   * replica as fresh as the request, then the rows written on the primary.
   */
  private async computeOnReplica(reportId: string): Promise<CoverageOutcome> {
    const report = await this.db.getRepository(CoverageReportEntity).findOneBy({ id: reportId });
    if (!report) return 'missing';
    if (report.status === 'completed') return 'already-complete';
    const { year, day } = await coverageReportDay(this.db.manager, reportId);
    const placed = await ensureLedgerPlacement(this.db.manager, year, day);
    // Everything committed before the request, and the placement just written, must be read.
    const freshAsOf = placed ? new Date() : report.createdAt;
    const read = await this.reads.readReporting((m) => selectCoverageRows(m, reportId, year), {
      freshAsOf,
      waitMs: this.reads.reportWaitMs,
    });
    this.logger.log(`Coverage report ${reportId} read on the ${read.source}: ${read.detail}`);
    return this.complete(reportId, { source: read.source, detail: read.detail }, (tx) =>
      insertComputedCoverageRows(tx, reportId, read.result as CoverageRowValues[]),
    );
  }

  /** Stores the rows (`write`) and marks the report completed, in one transaction. */
  private complete(
    reportId: string,
    from: ReadRecord,
    write: (tx: EntityManager) => Promise<number>,
  ): Promise<CoverageOutcome> {
    return this.db.transaction(async (tx) => {
      // The row lock makes concurrent runs of one report take turns.
      const report = await tx
        .getRepository(CoverageReportEntity)
        .createQueryBuilder('r')
        .where('r.id = :reportId', { reportId })
        .setLock('pessimistic_write')
        .getOne();
      if (!report) return 'missing' as const;
      if (report.status === 'completed') return 'already-complete' as const;
      await tx.query(`DELETE FROM coverage_report_row WHERE report_id = $1`, [reportId]);
      await write(tx);
      await tx.query(
        `UPDATE coverage_report
            SET status = 'completed', generated_at = now(), error = NULL, progress = 100,
                read_source = $2, read_detail = $3
          WHERE id = $1`,
        [reportId, from.source, from.detail.slice(0, 500)],
      );
      return 'generated' as const;
    });
  }

  /**
   * The job's progress, on the report row (the one place the API reads job state from) and
   * to `progress` (BullMQ's dashboard). 'missing' when the report no longer exists.
   */
  private async recordProgress(
    reportId: string,
    percent: number,
    progress: ProgressReporter,
  ): Promise<'recorded' | 'missing'> {
    const [exists]: { id: string }[] = await this.db.query(
      `SELECT id FROM coverage_report WHERE id = $1`,
      [reportId],
    );
    if (!exists) return 'missing';
    // A completed report's row is left alone (an official one may not change at all).
    await this.db.query(
      `UPDATE coverage_report SET progress = $2 WHERE id = $1 AND status = 'running'`,
      [reportId, percent],
    );
    await progress(percent);
    return 'recorded';
  }

  /** Renders and stores the exports a completed report is missing (progress 60 → 100). */
  async renderExports(
    reportId: string,
    progress: ProgressReporter = () => undefined,
  ): Promise<void> {
    const exportsStarted = new Date();
    const report = await this.db
      .getRepository(CoverageReportEntity)
      .findOneByOrFail({ id: reportId });
    let snapshot: CoverageSnapshot | undefined;
    for (const [i, format] of COVERAGE_EXPORT_FORMATS.entries()) {
      const key = coverageExportKey(reportId, format);
      if (!(await this.storage.exists(key))) {
        // The snapshot was committed before this call: a replica serves it once it has it.
        snapshot ??= await this.reads.read((m) => readCoverageSnapshot(m, report), {
          freshAsOf: exportsStarted,
          waitMs: this.reads.reportWaitMs,
        });
        await this.storage.put(key, await RENDERERS[format](snapshot));
      }
      await progress(60 + Math.round((40 * (i + 1)) / COVERAGE_EXPORT_FORMATS.length));
    }
  }

  /** Records why a report could not be produced (its last attempt failed). */
  async markFailed(reportId: string, error: string): Promise<void> {
    // Never touches a completed report (an official one would raise).
    await this.db.query(
      `UPDATE coverage_report SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'completed'`,
      [reportId, error.slice(0, 2000)],
    );
  }
}
