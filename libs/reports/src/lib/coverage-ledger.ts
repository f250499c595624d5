import type { EntityManager } from 'typeorm';
import {
  COVERAGE_ROW_COLUMNS,
  createCoverageTree,
  REPORT_DAY,
  ROLL_UP_AND_INSERT,
  ROLL_UP_AND_SELECT,
  TREE_ON_REPORT_DAY,
} from './coverage-tree';
import { ensureLedgerPlacement } from './ledger-placement';

/**
 * The computation of one coverage report as the worker runs it, for any unit up to the
 * whole country: one narrow scan of the training ledger (`training_year`) of the report's
 * year, grouped by the unit each person stood in on the report day (31/12, today for the
 * current year), then rolled up the tree as it stood that day. The ledger row carries
 * both what the person did in the year (kept exact in the transaction of every
 * completion, revocation and recorded training) and where they stood (kept by the
 * triggers on `membership`, see ledger-placement.ts), so neither certificates nor
 * memberships are read. `insertCoverageRowsFromSources` (coverage-calculation.ts) is the
 * recomputation from the source rows it must agree with.
 *
 * - `trained`, `hours`, the split: from the ledger row; `certificates` are the ledger's
 *   course certificates (recorded trainings are not certificates; their hours count).
 * - `requirement_met`: the ledger's flag.
 * - only units of the report's tree that day are read (a commune's report reads its
 *   own people through the index; the nation's, the whole year in one pass).
 *
 * Returns the number of rows inserted, in the caller's transaction (the temporary tree
 * and the work_mem setting end with it).
 */
/** Per-unit figures of the ledger (`own`): `$2` is the report's year, `coverage_tree` its units. */
const OWN_FROM_LEDGER = `
     own AS (
       SELECT ty.org_unit_id, count(*) AS dx_staff, count(*) FILTER (WHERE ty.trained) AS trained,
              sum(ty.hours) * 100 AS hundredths, sum(ty.courses) AS certificates,
              count(*) FILTER (WHERE ty.dx_role = 'full_time') AS ft_staff,
              count(*) FILTER (WHERE ty.dx_role = 'full_time' AND ty.trained) AS ft_trained,
              count(*) FILTER (WHERE ty.dx_role = 'part_time') AS pt_staff,
              count(*) FILTER (WHERE ty.dx_role = 'part_time' AND ty.trained) AS pt_trained,
              count(*) FILTER (WHERE ty.requirement_met) AS requirement_met
         FROM coverage_tree t
         JOIN training_year ty ON ty.year = $2::int AND ty.org_unit_id = t.id
        WHERE ty.org_unit_id IS NOT NULL
        GROUP BY ty.org_unit_id
     )`;

/** The report's year and day (YYYY-MM-DD) its units and people are placed on. */
export async function coverageReportDay(
  m: EntityManager,
  reportId: string,
): Promise<{ year: number; day: string }> {
  const [report]: { year: number; day: string }[] = await m.query(
    `SELECT r.year, to_char(${REPORT_DAY}, 'YYYY-MM-DD') AS day FROM coverage_report r WHERE r.id = $1::uuid`,
    [reportId],
  );
  return report;
}

/** One row of a report as `selectCoverageRows` reads it (numbers as PostgreSQL sends them). */
export type CoverageRowValues = Record<(typeof COVERAGE_ROW_COLUMNS)[number], string | number | null>;

/**
 * The same computation as `insertCoverageRows`, read-only, for a streaming replica (which
 * can create no temporary table nor write the ledger's placement): the tree inline, the rows
 * returned for `insertComputedCoverageRows` on the primary. The ledger must already be
 * placed on the report day (`ensureLedgerPlacement` on the primary, replayed here).
 */
export async function selectCoverageRows(
  m: EntityManager,
  reportId: string,
  year: number,
): Promise<CoverageRowValues[]> {
  return m.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '128MB'`);
    return tx.query(
      `WITH RECURSIVE ${TREE_ON_REPORT_DAY},
       coverage_tree AS MATERIALIZED (SELECT id, code, name, parent_id, depth, chain FROM tree),
       ${OWN_FROM_LEDGER},
       ${ROLL_UP_AND_SELECT}`,
      [reportId, year],
    );
  });
}

const COLUMN_TYPES: Record<(typeof COVERAGE_ROW_COLUMNS)[number], string> = {
  org_unit_id: 'uuid',
  code: 'text',
  name: 'text',
  parent_id: 'uuid',
  depth: 'int',
  dx_staff: 'int',
  trained: 'int',
  hours: 'numeric',
  certificates: 'int',
  full_time_staff: 'int',
  full_time_trained: 'int',
  part_time_staff: 'int',
  part_time_trained: 'int',
  requirement_met: 'int',
};

/** Writes rows computed elsewhere (on the replica) in the caller's transaction; one statement. */
export async function insertComputedCoverageRows(
  tx: EntityManager,
  reportId: string,
  rows: CoverageRowValues[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = COVERAGE_ROW_COLUMNS.map((c, i) => `$${i + 2}::${COLUMN_TYPES[c]}[]`);
  await tx.query(
    `INSERT INTO coverage_report_row (report_id, ${COVERAGE_ROW_COLUMNS.join(', ')})
     SELECT $1::uuid, * FROM unnest(${arrays.join(', ')})`,
    [reportId, ...COVERAGE_ROW_COLUMNS.map((c) => rows.map((r) => r[c]))],
  );
  return rows.length;
}

export async function insertCoverageRows(tx: EntityManager, reportId: string): Promise<number> {
  const report = await coverageReportDay(tx, reportId);
  await ensureLedgerPlacement(tx, report.year, report.day);
  await createCoverageTree(tx, reportId);
  const result: { rows: number }[] = await tx.query(
    `WITH ${OWN_FROM_LEDGER},
     ${ROLL_UP_AND_INSERT}`,
    [reportId, report.year],
  );
  await tx.query(`DROP TABLE coverage_tree`);
  return result[0].rows;
}
