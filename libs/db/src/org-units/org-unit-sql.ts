import { idJoin, type JoinOptions } from '../id-join-sql';

/*
 * The org-units feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming org_unit or org_unit_edge, so
 * this is the one place outside the feature that knows the tables. Columns callers may read
 * through them: a unit's id, code, name, path (a subtree prefix, `/a/b/`), valid_to,
 * successor_id.
 */

/** `[LEFT] JOIN org_unit <alias> ON <alias>.id = <unitIdExpr>[ AND <and>]`. */
export const orgUnitJoin = (alias: string, unitIdExpr: string, o?: JoinOptions) =>
  idJoin('org_unit', alias, unitIdExpr, o);

/** The name of the unit `unitIdExpr`, as a scalar subquery. */
export const orgUnitNameSql = (unitIdExpr: string) =>
  `(SELECT o.name FROM org_unit o WHERE o.id = ${unitIdExpr})`;

/** One unit's materialised path (`/id/id/`), or no row ($1 unit). */
export const UNIT_PATH_SQL = 'SELECT path FROM org_unit WHERE id = $1';

/**
 * Every unit of the subtree $1 (a LIKE prefix), open or closed, and every unit merged, hop
 * by hop, into an open unit of it: the units a trainer of the subtree answers for.
 */
export const SUBTREE_AND_MERGED_UNITS_SQL = `WITH RECURSIVE acting AS (
         SELECT id FROM org_unit WHERE path LIKE $1 AND valid_to IS NULL
         UNION
         SELECT pre.id FROM org_unit pre JOIN acting a ON pre.successor_id = a.id)
       SELECT id FROM acting
       UNION
       SELECT id FROM org_unit WHERE path LIKE $1`;

/**
 * A recursive CTE `chain (id, successor_id, valid_to, path, hops)`: the unit `unit` (hops 0),
 * then while a unit is closed, the unit it was merged into, at most `maxHops` hops. For
 * `WITH RECURSIVE`; the last row is the unit answerable for it today.
 */
export const unitSuccessionChainCte = (unit: string, maxHops: string) => `chain AS (
         SELECT u.id, u.successor_id, u.valid_to, u.path, 0 AS hops FROM org_unit u WHERE u.id = ${unit}
         UNION ALL
         SELECT n.id, n.successor_id, n.valid_to, n.path, c.hops + 1
           FROM chain c JOIN org_unit n ON n.id = c.successor_id
          WHERE c.valid_to IS NOT NULL AND c.hops < ${maxHops})`;

/**
 * The units that were roots of the tree at the end of the year `year` (an SQL int
 * expression): open that day, with no parent that day. Selects `columns`, where `u` is the
 * unit (e.g. `u.id AS unit_id`).
 */
export const rootUnitsAtYearEndSql = (columns: string, year: string) => `SELECT ${columns}
                 FROM org_unit u
                 JOIN org_unit_edge e ON e.unit_id = u.id AND e.parent_id IS NULL
                  AND e.valid_from <= make_date(${year}, 12, 31)
                  AND (e.valid_to IS NULL OR e.valid_to > make_date(${year}, 12, 31))
                WHERE u.valid_from <= make_date(${year}, 12, 31)
                  AND (u.valid_to IS NULL OR u.valid_to > make_date(${year}, 12, 31))`;
