import { COVERAGE_EXPORT_FORMATS, coverageExportKey, CoverageExportFormat } from '@dx/contracts';
import { CoverageReportEntity, ReadReplica } from '@dx/db';
import type { FileStorage } from '@dx/storage';
import type { DataSource } from 'typeorm';
import { insertCoverageRows } from './coverage-ledger';
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

/**
 * Produces one coverage report: the snapshot rows (one SQL statement, committed together
 * with the `completed` mark), then the CSV, XLSX and PDF files in storage. Safe to run
 * again at any point: a completed snapshot is never recomputed (an official one could not
 * be: the database refuses), a half-done one starts over, and only missing files are
 * rendered — the snapshot is frozen, so a file once written is the right one.
 */
export class CoverageReportGenerator {
  constructor(
    private readonly db: DataSource,
    private readonly storage: FileStorage,
    /** Where the snapshot is read for the exports; the primary when absent. */
    private readonly reads: ReadReplica = new ReadReplica(db, null),
  ) {}

  async generate(
    reportId: string,
    progress: ProgressReporter = () => undefined,
  ): Promise<CoverageOutcome> {
    await progress(5);
    const computed = await this.db.transaction(async (tx) => {
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
      await insertCoverageRows(tx, reportId);
      await tx.query(
        `UPDATE coverage_report SET status = 'completed', generated_at = now(), error = NULL WHERE id = $1`,
        [reportId],
      );
      return 'generated' as const;
    });
    if (computed === 'missing') return computed;
    // Reported outside the transaction: no row lock is held while Redis is written to.
    await progress(60);
    await this.renderExports(reportId, progress);
    return computed;
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
