import { joinOrgUnit } from '../org-units/org-unit-sql';

/*
 * The users feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming app_user or membership. An
 * account's columns read through them: id, username, full_name, email, active, roles,
 * org_unit_id (the person's unit today).
 */

/** Joins `app_user` as `alias` on its id `userId` (an SQL expression); `join` e.g. `LEFT JOIN`. */
export const joinUser = (alias: string, userId: string, join = 'JOIN') =>
  `${join} app_user ${alias} ON ${alias}.id = ${userId}`;

/** The path of the person `user`'s unit today (a statement; `alias` names the account). */
export const userUnitPathSql = (user: string, alias = 'u') =>
  `SELECT ou.path FROM app_user ${alias} ${joinOrgUnit('ou', `${alias}.org_unit_id`)} WHERE ${alias}.id = ${user}`;

/** Everyone whose unit today is $1 moves to $2 (a unit merge, in its transaction). */
export const MOVE_UNIT_ACCOUNTS_SQL = `UPDATE app_user SET org_unit_id = $2::uuid, updated_at = now() WHERE org_unit_id = $1::uuid`;

/**
 * Memberships as periods hanging from a unit, for the merge's split at the effective day
 * (org-unit-merge.ts): the person and their role are carried to the part that moves.
 */
export const MEMBERSHIP_PERIODS = {
  table: 'membership',
  unitColumn: 'org_unit_id',
  carried: ['user_id', 'dx_role'],
} as const;
