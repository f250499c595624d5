import { userUnitPathSql } from '../users/user-sql';

/**
 * The caller's own unit path, read from the account (not the token) on every scoped
 * request: after a merge moves a person, their scope follows at once ($1 user). Here rather
 * than in apps/api so that the national-scale bench EXPLAINs the text the API sends.
 */
export const CALLER_UNIT_PATH_SQL = userUnitPathSql('$1');
