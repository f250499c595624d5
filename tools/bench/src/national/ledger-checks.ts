import { insertCoverageRows, insertCoverageRowsFromSources, pagePeople } from '@dx/reports';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { REPORT_TIME_ZONE, REPORT_YEAR, unitIdOf } from './shape';

type Compute = (tx: EntityManager, reportId: string) => Promise<number>;

const FIGURES = `dx_staff, trained, (hours * 100)::bigint AS hundredths, certificates, full_time_staff,
  full_time_trained, part_time_staff, part_time_trained`;

/**
 * Computes a report of `unitId` with `compute` inside a transaction, times it, and hands
 * its rows to `read` before rolling everything back (the bench leaves no report behind).
 */
export async function timedReport<T>(
  ds: DataSource,
  unitId: string,
  compute: Compute,
  read: (tx: EntityManager, reportId: string) => Promise<T>,
): Promise<{ seconds: number; rows: T }> {
  const reportId = randomUUID();
  let out: { seconds: number; rows: T } | undefined;
  await ds
    .transaction(async (tx) => {
      await tx.query(
        `INSERT INTO coverage_report (id, year, org_unit_id, job_id, status, official, time_zone)
         VALUES ($1, $2, $3, $4, 'running', false, $5)`,
        [reportId, REPORT_YEAR, unitId, `coverage-${reportId}`, REPORT_TIME_ZONE],
      );
      const t = process.hrtime.bigint();
      await compute(tx, reportId);
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      out = { seconds, rows: await read(tx, reportId) };
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
  return out as { seconds: number; rows: T };
}
const ROLLBACK = new Error('rollback');

const readFigures = (tx: EntityManager, reportId: string): Promise<Record<string, unknown>[]> =>
  tx.query(
    `SELECT org_unit_id, ${FIGURES}, requirement_met FROM coverage_report_row
      WHERE report_id = $1 ORDER BY org_unit_id`,
    [reportId],
  );

export interface ReferenceRun {
  seconds: number;
  units: number;
  mismatches: string[];
}

/**
 * The national report recomputed from the source rows (the statement reports used before
 * the ledger, with recorded training and the split): its time, and every unit's figures
 * against the ledger's snapshot `ledgerReportId`.
 */
export async function nationalReference(
  ds: DataSource,
  pool: Pool,
  ledgerReportId: string,
): Promise<ReferenceRun> {
  const { rows: ledger } = await pool.query(
    `SELECT org_unit_id, ${FIGURES} FROM coverage_report_row WHERE report_id = $1 ORDER BY org_unit_id`,
    [ledgerReportId],
  );
  const { seconds, rows: recomputed } = await timedReport(
    ds,
    unitIdOf(0, 0),
    (tx, id) => insertCoverageRowsFromSources(tx, id),
    readFigures,
  );
  const mismatches: string[] = [];
  const byUnit = new Map(recomputed.map((r) => [r.org_unit_id as string, r]));
  for (const row of ledger) {
    const other = byUnit.get(row.org_unit_id);
    const { requirement_met: _ignored, ...figures } = other ?? {};
    if (JSON.stringify(figures) !== JSON.stringify(row))
      mismatches.push(
        `${row.org_unit_id}: ledger ${JSON.stringify(row)} vs recomputed ${JSON.stringify(other)}`,
      );
  }
  if (recomputed.length !== ledger.length)
    mismatches.push(`rows: ledger ${ledger.length}, recomputed ${recomputed.length}`);
  return { seconds, units: ledger.length, mismatches };
}

/**
 * `requirement_met` (and every other figure) of sampled units: the report of each unit
 * from the ledger against its full recomputation with requirements from the source rows.
 */
export async function requirementSample(
  ds: DataSource,
  unitIds: string[],
): Promise<{ units: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  for (const unitId of unitIds) {
    const a = await timedReport(ds, unitId, insertCoverageRows, readFigures);
    const b = await timedReport(
      ds,
      unitId,
      (tx, id) => insertCoverageRowsFromSources(tx, id, { requirements: true }),
      readFigures,
    );
    if (JSON.stringify(a.rows) !== JSON.stringify(b.rows))
      mismatches.push(`${unitId}: ledger and recomputation differ`);
  }
  return { units: unitIds.length, mismatches };
}

/** Milliseconds of one page (50 people, not yet trained) of `GET /api/reports/people`: median of 5. */
export async function peoplePageMs(ds: DataSource, orgUnitId: string): Promise<number> {
  const q = {
    orgUnitId,
    year: REPORT_YEAR,
    asOf: `${REPORT_YEAR}-12-31`,
    status: 'untrained' as const,
    timeZone: REPORT_TIME_ZONE,
  };
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = process.hrtime.bigint();
    // As the API answers a page: the total and the page's rows.
    await pagePeople(ds.manager, { ...q, page: { limit: 50, offset: 0 } });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((x, y) => x - y)[2];
}
