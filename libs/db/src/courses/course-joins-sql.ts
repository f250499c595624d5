/*
 * The courses feature's pieces of other features' SQL (curricula, learning, quizzes): a read
 * that needs a course or a version beside its own rows composes these instead of naming the
 * tables, so which version is "live" stays this feature's rule and the reads stay one
 * set-based statement.
 */

const join = (left: boolean) => (left ? 'LEFT JOIN' : 'JOIN');

/** `[LEFT] JOIN course <alias> ON <alias>.id = <courseIdExpr>`. */
export function courseJoin(alias: string, courseIdExpr: string, left = false): string {
  return `${join(left)} course ${alias} ON ${alias}.id = ${courseIdExpr}`;
}

/** `[LEFT] JOIN course_version <alias> ON <alias>.id = <versionIdExpr>`. */
export function courseVersionJoin(alias: string, versionIdExpr: string, left = false): string {
  return `${join(left)} course_version ${alias} ON ${alias}.id = ${versionIdExpr}`;
}

/**
 * The live version of the course `courseAlias` (published, else the draft of a course never
 * published), left-joined: a course always has one of the two.
 */
export function liveVersionJoin(alias: string, courseAlias: string): string {
  return courseVersionJoin(
    alias,
    `coalesce(${courseAlias}.published_version_id, ${courseAlias}.draft_version_id)`,
    true,
  );
}

/**
 * `<alias>`: the module of version `versionExpr` with the same key as module `moduleIdExpr`
 * (left-joined: none when the item has no module): how a copied quiz finds its module in a
 * new draft, where every module was copied first with its key.
 */
export function sameModuleInVersionJoin(
  alias: string,
  moduleIdExpr: string,
  versionExpr: string,
): string {
  return `LEFT JOIN course_module ${alias}_src ON ${alias}_src.id = ${moduleIdExpr}
     LEFT JOIN course_module ${alias} ON ${alias}.course_version_id = ${versionExpr} AND ${alias}.key = ${alias}_src.key`;
}
