import { idJoin, type JoinOptions } from '../id-join-sql';
import { orgUnitJoin } from '../org-units/org-unit-sql';

/*
 * The courses feature's SQL pieces for other features' statements (docs/architecture.md,
 * "cross-owner reads"): they compose these instead of naming course, course_version,
 * course_module or lesson, so which version is "live" stays this feature's rule and the
 * reads stay one set-based statement. Columns callers may read through them: a course's
 * id, code, status, owner_org_unit_id, published_version_id, draft_version_id; a version's
 * id, course_id, title, version, hours; a module's id, key; a lesson's id, title,
 * course_version_id.
 */

/** `[LEFT] JOIN course <alias> ON <alias>.id = <courseIdExpr>[ AND <and>]`. */
export const courseJoin = (alias: string, courseIdExpr: string, o?: JoinOptions) =>
  idJoin('course', alias, courseIdExpr, o);

/** `[LEFT] JOIN course_version <alias> ON <alias>.id = <versionIdExpr>[ AND <and>]`. */
export const courseVersionJoin = (alias: string, versionIdExpr: string, o?: JoinOptions) =>
  idJoin('course_version', alias, versionIdExpr, o);

/** `[LEFT] JOIN lesson <alias> ON <alias>.id = <lessonIdExpr>[ AND <and>]`. */
export const lessonJoin = (alias: string, lessonIdExpr: string, o?: JoinOptions) =>
  idJoin('lesson', alias, lessonIdExpr, o);

/**
 * The live version of the course `courseAlias` (published, else the draft of a course never
 * published), left-joined: a course always has one of the two.
 */
export const liveVersionJoin = (alias: string, courseAlias: string) =>
  courseVersionJoin(
    alias,
    `coalesce(${courseAlias}.published_version_id, ${courseAlias}.draft_version_id)`,
    { left: true },
  );

/**
 * `<alias>`: the module of version `versionExpr` with the same key as module `moduleIdExpr`
 * (left-joined: none when the item has no module): how a copied quiz finds its module in a
 * new draft, where every module was copied first with its key.
 */
export const sameModuleInVersionJoin = (alias: string, moduleIdExpr: string, versionExpr: string) =>
  `LEFT JOIN course_module ${alias}_src ON ${alias}_src.id = ${moduleIdExpr}
     LEFT JOIN course_module ${alias} ON ${alias}.course_version_id = ${versionExpr} AND ${alias}.key = ${alias}_src.key`;

/** How many lessons the course version `version` has (a statement, for a scalar subquery). */
export const lessonCountSql = (version: string) =>
  `SELECT count(*) FROM lesson WHERE course_version_id = ${version}`;

/**
 * The published version (`"versionId"`) of a published course visible from unit path $2
 * (owned by that unit or an ancestor; null: everywhere), or no row ($1 course).
 */
export const VISIBLE_PUBLISHED_VERSION_SQL = `SELECT c.published_version_id AS "versionId"
         FROM course c ${orgUnitJoin('o', 'c.owner_org_unit_id')}
        WHERE c.id = $1 AND c.status = 'published' AND c.published_version_id IS NOT NULL
          AND ($2::text IS NULL OR $2::text LIKE o.path || '%')`;

/**
 * A lesson with its course ($1 lesson): what a learner's read or completion needs besides
 * their enrolment, which the learning feature joins on `"courseId"` and `"courseVersionId"`.
 */
export const LESSON_WITH_COURSE_SQL = `SELECT l.id, l.module_id AS "moduleId", cv.course_id AS "courseId",
         l.title, l.kind, l.content, l.video_url AS "videoUrl", l.file_key AS "fileKey",
         l.file_name AS "fileName", l.duration_minutes AS "durationMinutes", l.course_version_id AS "courseVersionId"
    FROM lesson l
    JOIN course_version cv ON cv.id = l.course_version_id
   WHERE l.id = $1`;

/**
 * A lesson's attached file with its course, version and the owner unit's path (for a
 * trainer's scope) ($1 lesson): `key` is null when the lesson has no file.
 */
export const LESSON_FILE_SQL = `SELECT l.file_key AS key, l.file_name AS "fileName", l.file_mime AS mime,
         o.path AS "ownerPath", cv.course_id AS "courseId", l.course_version_id AS "courseVersionId"
    FROM lesson l
    JOIN course_version cv ON cv.id = l.course_version_id
    JOIN course c ON c.id = cv.course_id
    ${orgUnitJoin('o', 'c.owner_org_unit_id')}
   WHERE l.id = $1`;

/** Courses by id ($1 ids) with their status and the owner unit's path (`path`). */
export const COURSES_WITH_OWNER_PATH_SQL = `SELECT c.id, c.status, o.path
    FROM course c ${orgUnitJoin('o', 'c.owner_org_unit_id')}
   WHERE c.id = ANY($1::uuid[])`;
