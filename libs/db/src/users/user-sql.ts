import { idJoin, type JoinOptions } from '../id-join-sql';
import { orgUnitJoin } from '../org-units/org-unit-sql';

/*
 * The users feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming app_user or membership.
 * Columns callers may read through them: an account's id, username, full_name, email,
 * active, roles, job_title, date_of_birth, org_unit_id (the person's unit today).
 */

/** `[LEFT] JOIN app_user <alias> ON <alias>.id = <userIdExpr>[ AND <and>]`. */
export const userJoin = (alias: string, userIdExpr: string, o?: JoinOptions) =>
  idJoin('app_user', alias, userIdExpr, o);

/** The people table as a FROM item, `app_user <alias>` (filter on `<alias>.id`). */
export const userFrom = (alias: string) => `app_user ${alias}`;

/** The path of the person `user`'s unit today (a statement; `alias` names the account). */
export const userUnitPathSql = (user: string, alias = 'u') =>
  `SELECT ou.path FROM app_user ${alias} ${orgUnitJoin('ou', `${alias}.org_unit_id`)} WHERE ${alias}.id = ${user}`;

/** A person's job title (`"jobTitle"`) and their unit's path (`path`), or no row ($1 user). */
export const JOB_TITLE_AND_UNIT_PATH_SQL = `SELECT u.job_title AS "jobTitle", o.path
    FROM app_user u ${orgUnitJoin('o', 'u.org_unit_id')}
   WHERE u.id = $1`;

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
