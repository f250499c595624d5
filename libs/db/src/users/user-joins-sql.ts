import { orgUnitJoin } from '../org-units/unit-sql';

/*
 * The users feature's pieces of other features' SQL (curricula): a read that needs a
 * person's account beside its own rows composes these instead of naming the table.
 */

/** `JOIN app_user <alias> ON <alias>.id = <userIdExpr>`. */
export function userJoin(alias: string, userIdExpr: string): string {
  return `JOIN app_user ${alias} ON ${alias}.id = ${userIdExpr}`;
}

/** A person's job title (`"jobTitle"`) and their unit's path (`path`), or no row ($1 user). */
export const JOB_TITLE_AND_UNIT_PATH_SQL = `SELECT u.job_title AS "jobTitle", o.path
    FROM app_user u ${orgUnitJoin('o', 'u.org_unit_id')}
   WHERE u.id = $1`;
