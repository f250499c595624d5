import { buildDataSourceOptions } from '@dx/db';
import { coverRequirementRows, rebuildLedger, REQUIREMENT_APPLIES } from '@dx/reports';
import { DataSource } from 'typeorm';
import { REPORT_YEAR, unitIdOf } from './shape';

/**
 * The training ledger of the data set and the requirements of the report year, with the
 * library's own statements: the ledger recomputed from the certificates (what the API
 * keeps up to date one completion at a time), two national requirements (full-time 8 h,
 * part-time 4 h) and a stricter one in province 1 (full-time 16 h), everyone they apply
 * to given a row, and `requirement_met` evaluated set-based for the whole year (the
 * requirements have no curriculum: the year's ledger hours count).
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
      const asOf = `${REPORT_YEAR}-12-31`;
      const created: { id: string }[] = await tx.query(
        `INSERT INTO requirement (year, org_unit_id, dx_roles, hours, due_date)
         VALUES ($1, $2, '{full_time}', 8, $3), ($1, $2, '{part_time}', 4, $3), ($1, $4, '{full_time}', 16, $3)
         RETURNING id`,
        [REPORT_YEAR, unitIdOf(0, 0), asOf, unitIdOf(1, 1)],
      );
      for (const r of created) await coverRequirementRows(tx, r.id, REPORT_YEAR, asOf);
      // The people short of some requirement in one hashed pass. (The library's
      // evaluateRequirementMet(…, null) correlates one look-up per ledger row: 300,000
      // people took over 8 minutes here, so the build does it set-based.)
      await tx.query(
        `WITH short AS MATERIALIZED (
           SELECT DISTINCT u.id FROM requirement r ${REQUIREMENT_APPLIES}
             LEFT JOIN training_year ty ON ty.user_id = u.id AND ty.year = r.year
            WHERE r.year = $1 AND coalesce(ty.hours, 0) < r.hours)
         UPDATE training_year ty SET requirement_met = false
           FROM short s WHERE s.id = ty.user_id AND ty.year = $1`,
        [REPORT_YEAR, asOf],
      );
    });
    await ds.query('VACUUM (ANALYZE) training_year');
    await ds.query('ANALYZE requirement');
  } finally {
    await ds.destroy();
  }
}
