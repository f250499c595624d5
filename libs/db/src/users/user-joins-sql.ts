import { orgUnitJoin } from '../org-units/unit-sql';

/*
 * The users feature's pieces of other features' SQL (curricula): a read that needs a
 * person's account beside its own rows composes these instead of naming the table.
 */

/** The people table as a FROM item, `app_user <alias>` (filter on `<alias>.id`). */
export function userFrom(alias: string): string {
  return `app_user ${alias}`;
}

/** A person's job title (`"jobTitle"`) and their unit's path (`path`), or no row ($1 user). */
export const JOB_TITLE_AND_UNIT_PATH_SQL = `SELECT u.job_title AS "jobTitle", o.path
    FROM app_user u ${orgUnitJoin('o', 'u.org_unit_id')}
   WHERE u.id = $1`;
