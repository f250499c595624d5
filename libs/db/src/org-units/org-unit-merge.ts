import type { FieldError } from '@dx/contracts';
import type { EntityManager } from 'typeorm';
import { MEMBERSHIP_PERIODS, MOVE_UNIT_ACCOUNTS_SQL } from '../users/user-sql';
import { OrgUnitMergeEntity } from './org-unit-merge.entity';
import { OrgUnitEntity } from './org-unit.entity';

/**
 * Serialises structural changes of the tree across processes (API requests and the
 * worker's scheduled merges): two merges touching overlapping subtrees would otherwise
 * compute paths from each other's stale rows.
 */
const ORG_TREE_LOCK_KEY = 7_311_692;

export interface OrgUnitMergePlan {
  unitId: string;
  targetId: string;
  /** First day on which the unit no longer exists (YYYY-MM-DD). */
  effectiveDate: string;
}

/**
 * Takes the tree lock and locks both units. FOR UPDATE (not NO KEY UPDATE) also waits
 * for, and then blocks, inserts whose foreign keys point at these units (new members,
 * new children).
 */
export async function lockUnitsForMerge(
  tx: EntityManager,
  plan: OrgUnitMergePlan,
): Promise<{ unit: OrgUnitEntity | null; target: OrgUnitEntity | null }> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ORG_TREE_LOCK_KEY]);
  const locked = await tx
    .getRepository(OrgUnitEntity)
    .createQueryBuilder('u')
    .where('u.id IN (:...ids)', { ids: [plan.unitId, plan.targetId] })
    .orderBy('u.id')
    .setLock('pessimistic_write')
    .getMany();
  return {
    unit: locked.find((u) => u.id === plan.unitId) ?? null,
    target:
      plan.targetId === plan.unitId ? null : (locked.find((u) => u.id === plan.targetId) ?? null),
  };
}

/**
 * Why this merge cannot be made or applied, as field errors (empty: it can). Checked when
 * it is requested and again when a scheduled one comes due, as the tree may have changed.
 * Merges waiting on either unit refuse it too (`ignoreMergeId`: the one being applied).
 */
export async function mergeRefusals(
  tx: EntityManager,
  plan: OrgUnitMergePlan,
  u: OrgUnitEntity,
  t: OrgUnitEntity | null,
  ignoreMergeId?: string,
): Promise<FieldError[]> {
  const e = plan.effectiveDate;
  const errors: FieldError[] = [];
  if (plan.targetId === u.id) {
    errors.push({
      field: 'targetId',
      message: 'a unit cannot be merged into itself',
      code: 'merge_into_itself',
    });
  } else if (!t) {
    errors.push({
      field: 'targetId',
      message: 'targetId does not name an existing org unit',
      code: 'unknown_org_unit',
    });
  } else if (t.path.startsWith(u.path)) {
    errors.push({
      field: 'targetId',
      message: 'the target lies inside the merged unit',
      code: 'merge_target_inside',
    });
  } else if (t.validTo !== null && t.validTo <= e) {
    errors.push({
      field: 'targetId',
      message: `the target unit is closed from ${t.validTo}`,
      code: 'org_unit_closed',
    });
  } else if (t.validTo !== null) {
    // Its people would have to follow the target's own later merge: not supported.
    errors.push({
      field: 'targetId',
      message: `the target unit closes on ${t.validTo}; merge into its successor`,
      code: 'merge_target_closing',
      params: { date: t.validTo },
    });
  } else if (t.validFrom > e) {
    errors.push({
      field: 'targetId',
      message: `the target unit only exists from ${t.validFrom}`,
      code: 'merge_before_start',
      params: { date: t.validFrom },
    });
  }
  if (e <= u.validFrom) {
    errors.push({
      field: 'effectiveDate',
      message: `must be after the unit's start (${u.validFrom})`,
      code: 'merge_before_start',
      params: { date: u.validFrom },
    });
  }
  if (errors.length || !t) return errors;

  const waiting: { unit_id: string; effective_date: string }[] = await tx.query(
    `SELECT unit_id, to_char(effective_date, 'YYYY-MM-DD') AS effective_date FROM org_unit_merge
      WHERE status = 'pending' AND ($3::uuid IS NULL OR id <> $3::uuid)
        AND (unit_id = ANY($1::uuid[]) OR target_id = $2::uuid)
      ORDER BY effective_date LIMIT 1`,
    [[u.id, t.id], u.id, ignoreMergeId ?? null],
  );
  const w = waiting[0];
  if (w && w.unit_id === t.id) {
    errors.push({
      field: 'targetId',
      message: `the target unit is to be merged on ${w.effective_date}; merge into its successor`,
      code: 'merge_target_closing',
      params: { date: w.effective_date },
    });
  } else if (w) {
    // The unit's own pending merge (cancel it first), or another unit waits to merge into
    // it: closing it first would leave that merge without a target.
    errors.push({
      field: 'id',
      message: `a merge involving this unit is scheduled for ${w.effective_date}: cancel it first`,
      code: 'merge_pending',
      params: { date: w.effective_date },
    });
  }
  return errors;
}

/**
 * Merges a unit into another from date E, in the caller's transaction, after
 * `lockUnitsForMerge` and with no `mergeRefusals`: the unit is closed and names its
 * successor; its child units and people belong to the successor from E, while the edge
 * and membership history keeps earlier dates as they were. Nothing is deleted except
 * edges of the merged unit that would start after it ceased to exist.
 */
export async function applyOrgUnitMerge(
  tx: EntityManager,
  u: OrgUnitEntity,
  t: OrgUnitEntity,
  e: string,
): Promise<OrgUnitEntity> {
  await tx.query('SELECT id FROM org_unit WHERE path LIKE $1 ORDER BY path FOR UPDATE', [
    `${u.path}%`,
  ]);
  await tx.query(
    `UPDATE org_unit SET valid_to = $2::date, successor_id = $3::uuid, updated_at = now() WHERE id = $1::uuid`,
    [u.id, e, t.id],
  );
  await closeOwnEdges(tx, u.id, e);
  await moveChildEdges(tx, u.id, t.id, e);
  await moveMemberships(tx, u.id, t.id, e);
  await moveTodayTree(tx, u, t);
  return tx.findOneByOrFail(OrgUnitEntity, { id: u.id });
}

/** Records a merge that was applied at once, so the unit's merge history is complete. */
export async function recordAppliedMerge(
  tx: EntityManager,
  plan: OrgUnitMergePlan,
  requestedById: string | null,
): Promise<void> {
  await tx.insert(OrgUnitMergeEntity, {
    unitId: plan.unitId,
    targetId: plan.targetId,
    effectiveDate: plan.effectiveDate,
    status: 'applied',
    requestedById,
    settledAt: new Date(),
  });
}

/** The merged unit hangs nowhere from E on. */
async function closeOwnEdges(tx: EntityManager, unitId: string, e: string): Promise<void> {
  await tx.query(`DELETE FROM org_unit_edge WHERE unit_id = $1::uuid AND valid_from >= $2::date`, [
    unitId,
    e,
  ]);
  await tx.query(
    `UPDATE org_unit_edge SET valid_to = $2::date
      WHERE unit_id = $1::uuid AND (valid_to IS NULL OR valid_to > $2::date)`,
    [unitId, e],
  );
}

/** Rows of a period table that hang from a unit: child edges or memberships. */
interface PeriodsOfUnit {
  table: 'org_unit_edge' | 'membership';
  /** The column naming the unit they hang from. */
  unitColumn: 'parent_id' | 'org_unit_id';
  /** Columns copied to the part that moves. */
  carried: readonly string[];
}

const CHILD_EDGES: PeriodsOfUnit = {
  table: 'org_unit_edge',
  unitColumn: 'parent_id',
  carried: ['unit_id'],
};
/** Owned by the users feature, which describes them. */
const MEMBERSHIPS: PeriodsOfUnit = MEMBERSHIP_PERIODS;

/**
 * Periods that span E are split at E: the part before E stays with the unit, the part from
 * E (same carried columns) goes to the target; periods that start on or after E are
 * re-pointed. The open row is closed and its successor opened in one statement, so the
 * "one open membership per person" index holds throughout. Table and column names are
 * the constants above, never input.
 */
async function movePeriodsAt(
  tx: EntityManager,
  p: PeriodsOfUnit,
  unitId: string,
  targetId: string,
  e: string,
): Promise<void> {
  const carried = p.carried.join(', ');
  await tx.query(
    `WITH split AS (
       UPDATE ${p.table} t SET valid_to = $3::date
         FROM (SELECT id, valid_to FROM ${p.table}
                WHERE ${p.unitColumn} = $1::uuid AND valid_from < $3::date
                  AND (valid_to IS NULL OR valid_to > $3::date)) old
        WHERE t.id = old.id
        RETURNING ${p.carried.map((c) => `t.${c}`).join(', ')}, old.valid_to AS old_valid_to)
     INSERT INTO ${p.table} (${carried}, ${p.unitColumn}, valid_from, valid_to)
     SELECT ${carried}, $2::uuid, $3::date, old_valid_to FROM split`,
    [unitId, targetId, e],
  );
  await tx.query(
    `UPDATE ${p.table} SET ${p.unitColumn} = $2::uuid
      WHERE ${p.unitColumn} = $1::uuid AND valid_from >= $3::date`,
    [unitId, targetId, e],
  );
}

/** Child links that span E are split at E (the part from E hangs under the target). */
async function moveChildEdges(
  tx: EntityManager,
  unitId: string,
  targetId: string,
  e: string,
): Promise<void> {
  await movePeriodsAt(tx, CHILD_EDGES, unitId, targetId, e);
}

/** Same split for people; today's unit of each person follows. */
async function moveMemberships(
  tx: EntityManager,
  unitId: string,
  targetId: string,
  e: string,
): Promise<void> {
  await movePeriodsAt(tx, MEMBERSHIPS, unitId, targetId, e);
  await tx.query(MOVE_UNIT_ACCOUNTS_SQL, [unitId, targetId]);
}

/**
 * Today's tree: the unit's children (open or closed) now hang under the target, and
 * every unit below moves with them in one statement by replacing the path prefix.
 */
async function moveTodayTree(tx: EntityManager, u: OrgUnitEntity, t: OrgUnitEntity): Promise<void> {
  await tx.query(
    `UPDATE org_unit
        SET parent_id = CASE WHEN parent_id = $1::uuid THEN $2::uuid ELSE parent_id END,
            path = $4::text || substr(path, length($3::text) + 1),
            depth = depth - $5::int + $6::int,
            updated_at = now()
      WHERE path LIKE $7 AND id <> $1::uuid`,
    [u.id, t.id, u.path, t.path, u.depth, t.depth, `${u.path}%`],
  );
}
