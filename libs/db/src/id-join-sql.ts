/*
 * The one shape of every owner's join fragment (org-unit-sql.ts, user-sql.ts, course-sql.ts):
 * a row of the owner's table by its id. Not exported from the package: only the owner's
 * module names its table, other features call that module's `<thing>Join`.
 */

/** How a caller joins: `left` for a LEFT JOIN, `and` for one more condition on the ON. */
export interface JoinOptions {
  left?: boolean;
  and?: string;
}

/** `[LEFT] JOIN <table> <alias> ON <alias>.id = <idExpr>[ AND <and>]`. */
export function idJoin(table: string, alias: string, idExpr: string, o: JoinOptions = {}): string {
  const on = `${alias}.id = ${idExpr}${o.and ? ` AND ${o.and}` : ''}`;
  return `${o.left ? 'LEFT JOIN' : 'JOIN'} ${table} ${alias} ON ${on}`;
}
