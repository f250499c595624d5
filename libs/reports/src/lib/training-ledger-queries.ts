import type { EntityManager } from 'typeorm';

/**
 * People a requirement applies to in year $1, as of day $2: open membership on that day
 * in the requirement unit's subtree, with one of its DX roles and, when it lists job
 * titles, one of them. Used by the ledger and by `GET /api/me/requirements`; `r` is the
 * requirement, `m` the membership, `u` the person.
 */
export const REQUIREMENT_APPLIES = `
  JOIN org_unit ru ON ru.id = r.org_unit_id
  JOIN membership m ON m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to > $2::date)
                   AND m.dx_role = ANY (r.dx_roles)
  JOIN org_unit mu ON mu.id = m.org_unit_id AND mu.path LIKE ru.path || '%'
  JOIN app_user u ON u.id = m.user_id
                 AND (cardinality(r.job_titles) = 0 OR u.job_title = ANY (r.job_titles))`;

/**
 * Hours person `u` earned in year r.year toward requirement `r`: the whole year's ledger
 * hours, or with a curriculum only that curriculum's course certificates (not revoked).
 * Needs `ty` (the person's ledger row of the year, may be null).
 */
export const HOURS_TOWARD_REQUIREMENT = `
  CASE WHEN r.curriculum_id IS NULL THEN coalesce(ty.hours, 0)
       ELSE (SELECT coalesce(sum(c.hours), 0) FROM certificate c
              JOIN curriculum_course cc ON cc.course_id = c.course_id AND cc.curriculum_id = r.curriculum_id
             WHERE c.user_id = u.id AND c.kind = 'course' AND c.year = r.year AND c.status <> 'revoked')
  END`;

/** Above this many people, one hashed pass over everyone beats a look-up per person. */
const PER_PERSON_LIMIT = 500;

/**
 * Sets `requirement_met` of the given people's ledger rows of a year (null: every row of
 * the year): met unless some requirement applying to them on `asOf` is short of hours.
 * Written by the training ledger in its caller's transaction. A few people: one indexed
 * look-up each. Many, or the whole year: set-based, the people short of some requirement
 * found in one hashed pass (with per-curriculum hours summed once), and only the rows
 * whose flag changes written (a year of 300,000 people took over 8 minutes per row).
 */
export async function evaluateRequirementMet(
  m: EntityManager,
  year: number,
  asOf: string,
  userIds: string[] | null,
): Promise<void> {
  if (userIds && userIds.length <= PER_PERSON_LIMIT) {
    if (!userIds.length) return;
    await m.query(
      `UPDATE training_year ty
          SET requirement_met = NOT EXISTS (
                SELECT 1 FROM requirement r ${REQUIREMENT_APPLIES}
                 WHERE r.year = ty.year AND u.id = ty.user_id
                   AND ${HOURS_TOWARD_REQUIREMENT} < r.hours)
        WHERE ty.year = $1 AND ty.user_id = ANY ($3::uuid[])`,
      [year, asOf, userIds],
    );
    return;
  }
  const [{ any }] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM requirement WHERE year = $1) AS any`,
    [year],
  );
  const who = `($3::uuid[] IS NULL OR %s IN (SELECT unnest($3::uuid[])))`;
  await m.query(
    `WITH curriculum_hours AS MATERIALIZED (
       SELECT c.user_id, cc.curriculum_id, sum(c.hours) AS hours
         FROM certificate c JOIN curriculum_course cc ON cc.course_id = c.course_id
        WHERE c.kind = 'course' AND c.year = $1 AND c.status <> 'revoked' AND ${who.replace('%s', 'c.user_id')}
          AND cc.curriculum_id IN (SELECT curriculum_id FROM requirement WHERE year = $1)
        GROUP BY c.user_id, cc.curriculum_id
     ),
     short AS MATERIALIZED (
       SELECT DISTINCT u.id AS user_id FROM requirement r ${REQUIREMENT_APPLIES}
         LEFT JOIN training_year ty ON ty.user_id = u.id AND ty.year = r.year
         LEFT JOIN curriculum_hours ch ON ch.user_id = u.id AND ch.curriculum_id = r.curriculum_id
        WHERE r.year = $1 AND $4::boolean AND ${who.replace('%s', 'u.id')}
          AND CASE WHEN r.curriculum_id IS NULL THEN coalesce(ty.hours, 0) ELSE coalesce(ch.hours, 0) END < r.hours
     ),
     next AS (
       SELECT t.user_id, s.user_id IS NULL AS met
         FROM training_year t LEFT JOIN short s ON s.user_id = t.user_id
        WHERE t.year = $1 AND ${who.replace('%s', 't.user_id')}
     )
     UPDATE training_year ty SET requirement_met = n.met
       FROM next n
      WHERE ty.user_id = n.user_id AND ty.year = $1 AND ty.requirement_met <> n.met`,
    [year, asOf, userIds, any],
  );
}

/**
 * Gives everyone a requirement applies to a ledger row of its year (people with none count
 * as meeting every requirement) and returns their ids, in one statement.
 */
export async function coverRequirementRows(
  m: EntityManager,
  requirementId: string,
  year: number,
  asOf: string,
): Promise<string[]> {
  const covered: { id: string }[] = await m.query(
    `INSERT INTO training_year AS ty (user_id, year, trained)
     SELECT DISTINCT u.id, $1::int, false FROM requirement r ${REQUIREMENT_APPLIES}
      WHERE r.id = $3
     ON CONFLICT (user_id, year) DO UPDATE SET updated_at = ty.updated_at
     RETURNING ty.user_id AS id`,
    [year, asOf, requirementId],
  );
  return covered.map((c) => c.id);
}
/**
 * The ledger as the source rows say it should be, per person and year: course
 * certificates not revoked (by their training year) plus recorded trainings. Hours summed
 * in hundredths as integers, so the figures compare exactly with the incremental ledger.
 * Requirements are not part of it: `requirement_met` is re-evaluated by the ledger service.
 */
export const LEDGER_FROM_SOURCES = `
  SELECT user_id, year, sum(hundredths)::bigint AS hundredths,
         sum(courses)::int AS courses, sum(records)::int AS records
    FROM (SELECT user_id, year, (hours * 100)::int AS hundredths, 1 AS courses, 0 AS records
            FROM certificate
           WHERE kind = 'course' AND status <> 'revoked' AND user_id IS NOT NULL AND year IS NOT NULL
          UNION ALL
          SELECT user_id, year, (hours * 100)::int, 0, 1 FROM training_record) s
   GROUP BY user_id, year`;

/**
 * Replaces the whole ledger with the recomputation from the source rows (demo data loaded
 * in bulk, repairs). Requirements are re-evaluated by the caller when it has any.
 */
export async function rebuildLedger(tx: EntityManager): Promise<void> {
  await tx.query('DELETE FROM training_year');
  // The placement went with the rows: years are placed again when a report needs them.
  await tx.query('DELETE FROM ledger_placement');
  await tx.query(
    `INSERT INTO training_year (user_id, year, hours, courses, records, trained)
     SELECT user_id, year, hundredths / 100.0, courses, records, courses + records > 0
       FROM (${LEDGER_FROM_SOURCES}) src`,
  );
}

/**
 * Recomputes the ledger rows of some people from the source rows (a repair, or specs
 * that load certificates straight in SQL). `requirement_met` starts over as true: the
 * caller re-evaluates requirements when there are any.
 */
export async function rebuildLedgerOf(m: EntityManager, userIds: string[]): Promise<void> {
  await m.query('DELETE FROM training_year WHERE user_id = ANY ($1::uuid[])', [userIds]);
  await m.query(
    `INSERT INTO training_year (user_id, year, hours, courses, records, trained)
     SELECT user_id, year, hundredths / 100.0, courses, records, courses + records > 0
       FROM (${LEDGER_FROM_SOURCES}) src WHERE user_id = ANY ($1::uuid[])`,
    [userIds],
  );
  // Their placement in the placed years went with the rows.
  await m.query(`SELECT ledger_place_people($1::uuid[])`, [userIds]);
}

/**
 * After people changed place (a transfer, a merge) from `fromDate`: for every year from
 * then to `today` that has requirements, gives those a requirement now applies to a ledger
 * row and re-evaluates the row of every person concerned, so `requirement_met` follows
 * where they stand on that year's day (31/12, or today for the current year). Without it,
 * someone who moved under a requirement had no row and counted as meeting it. `unitId`:
 * everyone whose membership on that day lies in the unit's subtree (a merge's target).
 */
export async function replacePeopleInLedger(
  m: EntityManager,
  args: { fromDate: string; today: string } & ({ userIds: string[] } | { unitId: string }),
): Promise<void> {
  const years: { year: number }[] = await m.query(
    `SELECT DISTINCT year FROM requirement WHERE year BETWEEN $1::int AND $2::int ORDER BY year`,
    [Number(args.fromDate.slice(0, 4)), Number(args.today.slice(0, 4))],
  );
  for (const { year } of years) {
    const end = `${year}-12-31`;
    const asOf = end < args.today ? end : args.today;
    const ids =
      'userIds' in args
        ? args.userIds
        : (
            (await m.query(
              `SELECT DISTINCT m.user_id AS id
                 FROM org_unit root
                 JOIN org_unit mu ON mu.path LIKE root.path || '%'
                 JOIN membership m ON m.org_unit_id = mu.id AND m.valid_from <= $2::date
                                  AND (m.valid_to IS NULL OR m.valid_to > $2::date)
                WHERE root.id = $1::uuid`,
              [args.unitId, asOf],
            )) as { id: string }[]
          ).map((r) => r.id);
    if (!ids.length) continue;
    await m.query(
      `INSERT INTO training_year AS ty (user_id, year, trained)
       SELECT DISTINCT u.id, $1::int, false FROM requirement r ${REQUIREMENT_APPLIES}
        WHERE r.year = $1::int AND u.id = ANY ($3::uuid[])
       ON CONFLICT (user_id, year) DO NOTHING`,
      [year, asOf, ids],
    );
    await evaluateRequirementMet(m, year, asOf, ids);
  }
}
