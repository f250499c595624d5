import { buildDataSourceOptions } from '@dx/db';
import {
  coverRequirementRows,
  ensureLedgerPlacement,
  evaluateRequirementMet,
  rebuildLedger,
} from '@dx/reports';
import { DataSource } from 'typeorm';
import { REPORT_YEAR, unitIdOf } from './shape';

/**
 * The training ledger of the data set and the requirements of the report year, with the
 * library's own statements: the ledger recomputed from the certificates (what the API
 * keeps up to date one completion at a time), the years the bench reports on placed
 * (every DX person's unit and role on 31/12, what the membership triggers keep up to
 * date one transfer at a time), two national requirements (full-time 8 h, part-time 4 h)
 * and a stricter one in province 1 (full-time 16 h), everyone they apply to given a row,
 * and `requirement_met` evaluated set-based for the whole year.
 */
export async function buildLedgerAndRequirements(url: string): Promise<void> {
  const ds = new DataSource(
    buildDataSourceOptions({ url, poolSize: 2, applicationName: 'dx-bench' }),
  );
  await ds.initialize();
  try {
    await ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL work_mem = '256MB'`);
      await rebuildLedger(tx);
      // 2024: the official report the build computes; REPORT_YEAR: the bench's reports.
      for (const year of [2024, REPORT_YEAR])
        await timedStep(`placement ${year}`, () =>
          ensureLedgerPlacement(tx, year, `${year}-12-31`),
        );
      const asOf = `${REPORT_YEAR}-12-31`;
      const created: { id: string }[] = await tx.query(
        `INSERT INTO requirement (year, org_unit_id, dx_roles, hours, due_date)
         VALUES ($1, $2, '{full_time}', 8, $3), ($1, $2, '{part_time}', 4, $3), ($1, $4, '{full_time}', 16, $3)
         RETURNING id`,
        [REPORT_YEAR, unitIdOf(0, 0), asOf, unitIdOf(1, 1)],
      );
      for (const r of created) await coverRequirementRows(tx, r.id, REPORT_YEAR, asOf);
      // The whole year at once: the library's set-based pass.
      await timedStep('requirement_met', () => evaluateRequirementMet(tx, REPORT_YEAR, asOf, null));
    });
    await ds.query('VACUUM (ANALYZE) training_year');
    await ds.query('ANALYZE requirement');
    await ds.query('ANALYZE ledger_placement');
  } finally {
    await ds.destroy();
  }
}

async function timedStep(label: string, fn: () => Promise<unknown>): Promise<void> {
  const t = Date.now();
  await fn();
  console.log(`  [national data set]   ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
