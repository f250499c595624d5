import type { EntityManager } from 'typeorm';
import { evaluateRequirementMet } from './training-ledger-queries';

// The placement half of the training ledger: for each year listed in `ledger_placement`,
// every person's `training_year` row of that year carries the unit and DX role of their
// membership on the year's day (31/12, today for the current year). The triggers on
// `membership` (migration LedgerPlacement) re-place people in the transaction of every
// membership change; what is left here is placing a year the first time, and moving the
// current year's day forward as the calendar does.

/**
 * Makes the ledger of `year` placed as of `day` (a report's day: 31/12, or today for the
 * current year) before a report reads it:
 * - a year never placed is placed in full, in one set-based statement (once: a national
 *   year takes about a minute; the bench data set and yearly use place it ahead);
 * - a year placed on an earlier day (the current year, yesterday) re-places only the
 *   people whose memberships began or ended in between, and re-evaluates their
 *   requirements (who a requirement applies to follows where they stand);
 * - a year already placed on `day` costs one primary-key read.
 * Runs in the caller's transaction, or in its own when `m` has none. The row lock on the
 * year makes concurrent callers take turns, and membership triggers wait for it.
 * Returns whether anything was written (a replica must replay it before serving reads).
 */
export async function ensureLedgerPlacement(
  m: EntityManager,
  year: number,
  day: string,
): Promise<boolean> {
  if ((await placedOn(m, year)) === day) return false;
  const work = (tx: EntityManager) => placeYear(tx, year, day);
  if (m.queryRunner?.isTransactionActive) await work(m);
  else await m.transaction(work);
  return true;
}

/**
 * The daily job's step (just after midnight in TZ_REPORTS), so the first report read of a
 * day no longer pays for it: the year of `day` placed as of `day` (in full on 1 January),
 * and the year before, when it was placed during the year, closed on its 31/12 (the yearly
 * official reports read it minutes later). Never moves a year's day backwards: a retry of
 * yesterday's run after today's finds nothing to do. Returns the years it wrote.
 */
export async function advanceLedgerPlacement(m: EntityManager, day: string): Promise<number[]> {
  const year = Number(day.slice(0, 4));
  const advanced: number[] = [];
  for (const [y, target] of [
    [year - 1, `${year - 1}-12-31`],
    [year, day],
  ] as const) {
    const placed = await placedOn(m, y);
    // A past year nobody reported on is placed by its first report, not speculatively.
    if ((placed === null && y < year) || (placed !== null && placed >= target)) continue;
    if (await ensureLedgerPlacement(m, y, target)) advanced.push(y);
  }
  return advanced;
}

async function placedOn(m: EntityManager, year: number, lock = false): Promise<string | null> {
  const rows: { day: string }[] = await m.query(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS day FROM ledger_placement WHERE year = $1
     ${lock ? 'FOR UPDATE' : ''}`,
    [year],
  );
  return rows[0]?.day ?? null;
}

async function placeYear(tx: EntityManager, year: number, day: string): Promise<void> {
  const created: unknown[] = await tx.query(
    `INSERT INTO ledger_placement (year, as_of) VALUES ($1, $2::date)
     ON CONFLICT (year) DO NOTHING RETURNING year`,
    [year, day],
  );
  if (created.length) {
    await placeEveryone(tx, year, day);
    return;
  }
  const before = await placedOn(tx, year, true);
  if (before === null || before === day) return;
  const [lo, hi] = before < day ? [before, day] : [day, before];
  const moved: { id: string }[] = await tx.query(
    `SELECT DISTINCT user_id AS id FROM membership
      WHERE (valid_from > $1::date AND valid_from <= $2::date)
         OR (valid_to > $1::date AND valid_to <= $2::date)`,
    [lo, hi],
  );
  await tx.query(
    `UPDATE ledger_placement SET as_of = $2::date, updated_at = now() WHERE year = $1`,
    [year, day],
  );
  if (!moved.length) return;
  const ids = moved.map((r) => r.id);
  await tx.query(`SELECT ledger_place_people($1::uuid[])`, [ids]);
  await evaluateRequirementMet(tx, year, day, ids);
}

/**
 * Every person of the year in one pass: rows that said a unit lose it, then each person
 * with a DX membership on `day` gets that membership's unit and role (their ledger row
 * made when they had none: untrained, 0 h).
 */
async function placeEveryone(tx: EntityManager, year: number, day: string): Promise<void> {
  await tx.query(
    `UPDATE training_year SET org_unit_id = NULL, dx_role = NULL
      WHERE year = $1 AND org_unit_id IS NOT NULL`,
    [year],
  );
  await tx.query(
    `INSERT INTO training_year AS ty (user_id, year, org_unit_id, dx_role)
     SELECT DISTINCT ON (m.user_id) m.user_id, $1::int, m.org_unit_id, m.dx_role
       FROM membership m
      WHERE m.dx_role <> 'none' AND m.valid_from <= $2::date
        AND (m.valid_to IS NULL OR m.valid_to > $2::date)
      ORDER BY m.user_id, m.valid_from DESC
     ON CONFLICT (user_id, year) DO UPDATE
        SET org_unit_id = excluded.org_unit_id, dx_role = excluded.dx_role`,
    [year, day],
  );
}

/** Re-places some people in every placed year (after their ledger rows were rebuilt). */
export async function replacePeople(m: EntityManager, userIds: string[]): Promise<void> {
  if (userIds.length) await m.query(`SELECT ledger_place_people($1::uuid[])`, [userIds]);
}
