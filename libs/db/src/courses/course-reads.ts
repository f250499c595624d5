import type { EntityManager } from 'typeorm';
import { orgUnitJoin } from '../org-units/unit-sql';
import { CourseVersionEntity } from './course-version.entity';
import { CourseEntity } from './course.entity';

// The courses feature's reads for other features (learning's completion, enrolment and
// lesson reads), named here so that no other feature names its tables.

/** A course by id; throws EntityNotFoundError when it does not exist. */
export function findCourseOrFail(m: EntityManager, id: string): Promise<CourseEntity> {
  return m.findOneByOrFail(CourseEntity, { id });
}

/** A course version by id; throws EntityNotFoundError when it does not exist. */
export function findCourseVersionOrFail(
  m: EntityManager,
  id: string,
): Promise<CourseVersionEntity> {
  return m.findOneByOrFail(CourseVersionEntity, { id });
}

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
