import {
  DEPARTMENTS,
  id,
  idText,
  NS,
  PROVINCES,
  REPORT_TIME_ZONE,
  unitId,
  ACCOUNTS,
} from './shape';

/** The official national report of 2024, computed by the worker's own code during the build. */
export const OFFICIAL_2024_REPORT_ID_KEY = 1;

/**
 * Report history, so `coverage_report_row` has the size it reaches after a few years of
 * use: each province asked for its report twice a year in 2022–2025, each department
 * once a year in 2024–2025. Their rows are the matching subtrees of the official 2024
 * snapshot (the figures are not what those reports said; their number and shape are).
 */
export const HISTORY_STEPS: string[] = [
  `CREATE TEMP TABLE bench_report_unit AS
   SELECT ${id(NS.report, '1000 + p * 100 + (y - 2020) * 10 + run')} AS id, y AS year,
          ${unitId(1, 'p')} AS unit_id, ${idText(NS.report, '1000 + p * 100 + (y - 2020) * 10 + run')} AS key
     FROM generate_series(1, ${PROVINCES}) p, generate_series(2022, 2025) y, generate_series(1, 2) run
   UNION ALL
   SELECT ${id(NS.report, '100000 + d * 100 + (y - 2020) * 10')}, y, ${unitId(2, 'd')},
          ${idText(NS.report, '100000 + d * 100 + (y - 2020) * 10')}
     FROM generate_series(1, ${DEPARTMENTS}) d, generate_series(2024, 2025) y`,
  `INSERT INTO coverage_report (id, year, org_unit_id, requested_by, job_id, status, official, time_zone,
                                generated_at, created_at)
   SELECT id, year, unit_id, ${id(NS.user, String(ACCOUNTS.provinceHr))}, 'coverage-' || key, 'completed',
          false, '${REPORT_TIME_ZONE}', make_timestamptz(year, 12, 31, 10, 0, 0, 'UTC'),
          make_timestamptz(year, 12, 31, 9, 59, 0, 'UTC')
     FROM bench_report_unit`,
  // Each snapshot row with its province and department ancestors in the 2024 tree.
  `CREATE TEMP TABLE bench_snapshot_row AS
   SELECT r.*, CASE r.depth WHEN 1 THEN r.org_unit_id WHEN 2 THEN r.parent_id WHEN 3 THEN p.parent_id END AS province_id,
          CASE r.depth WHEN 2 THEN r.org_unit_id WHEN 3 THEN r.parent_id END AS department_id
     FROM coverage_report_row r
     LEFT JOIN coverage_report_row p ON p.report_id = r.report_id AND p.org_unit_id = r.parent_id
    WHERE r.report_id = ${id(NS.report, String(OFFICIAL_2024_REPORT_ID_KEY))}`,
  `INSERT INTO coverage_report_row (report_id, org_unit_id, code, name, parent_id, depth, dx_staff, trained,
                                    hours, certificates)
   SELECT * FROM (
     SELECT u.id, s.org_unit_id, s.code, s.name, CASE WHEN s.org_unit_id = u.unit_id THEN NULL ELSE s.parent_id END,
            s.depth - 1, s.dx_staff, s.trained, s.hours, s.certificates
       FROM bench_report_unit u JOIN bench_snapshot_row s ON s.province_id = u.unit_id
     UNION ALL
     SELECT u.id, s.org_unit_id, s.code, s.name, CASE WHEN s.org_unit_id = u.unit_id THEN NULL ELSE s.parent_id END,
            s.depth - 2, s.dx_staff, s.trained, s.hours, s.certificates
       FROM bench_report_unit u JOIN bench_snapshot_row s ON s.department_id = u.unit_id) x
   ORDER BY 1`,
];
