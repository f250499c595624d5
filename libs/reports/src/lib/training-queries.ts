import type { EntityManager } from 'typeorm';
import { HOURS_TOWARD_REQUIREMENT, REQUIREMENT_APPLIES } from './training-ledger-queries';

// Reads of the yearly cycle that join several features' tables (requirements, people,
// units, curricula, certificates): the reporting read model may read every table.

/** The requirements of year $1 that apply to person $3 on day $2, with the hours earned toward each. */
export function myRequirementRows(m: EntityManager, userId: string, year: number, asOf: string) {
  return m.query(
    `SELECT r.id, r.year, r.hours::float8 AS hours, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
              ru.name AS "orgUnitName", r.curriculum_id AS "curriculumId", cu.title AS "curriculumTitle",
              (${HOURS_TOWARD_REQUIREMENT})::float8 AS "hoursEarned"
         FROM requirement r ${REQUIREMENT_APPLIES}
         LEFT JOIN training_year ty ON ty.user_id = u.id AND ty.year = r.year
         LEFT JOIN curriculum cu ON cu.id = r.curriculum_id
        WHERE r.year = $1 AND u.id = $3
        ORDER BY r.due_date, r.id`,
    [year, asOf, userId],
  );
}

/** The courses of curricula $3 with whether person $1 completed each in year $2 (not revoked). */
export function curriculumCoursesOf(
  m: EntityManager,
  userId: string,
  year: number,
  curriculumIds: string[],
) {
  return m.query(
    `SELECT cc.curriculum_id AS "curriculumId", co.id AS "courseId", cv.title, cv.hours::float8 AS hours,
              EXISTS (SELECT 1 FROM certificate c WHERE c.user_id = $1 AND c.course_id = co.id
                         AND c.kind = 'course' AND c.year = $2 AND c.status <> 'revoked') AS completed
         FROM curriculum_course cc
         JOIN course co ON co.id = cc.course_id
         JOIN course_version cv ON cv.id = coalesce(co.published_version_id, co.draft_version_id)
        WHERE cc.curriculum_id = ANY ($3::uuid[])
        ORDER BY cc.curriculum_id, cc.position`,
    [userId, year, curriculumIds],
  );
}

/** A requirement with its unit's and curriculum's names; append WHERE. */
export const REQUIREMENT_SELECT = `
  SELECT r.id, r.year, r.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", r.dx_roles AS "dxRoles",
         r.job_titles AS "jobTitles", r.hours::float8 AS hours, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
         r.curriculum_id AS "curriculumId", c.title AS "curriculumTitle", r.created_at AS "createdAt"
    FROM requirement r
    JOIN org_unit o ON o.id = r.org_unit_id
    LEFT JOIN curriculum c ON c.id = r.curriculum_id`;

export async function countRequirements(
  m: EntityManager,
  where: string,
  params: unknown[],
): Promise<number> {
  const [{ total }] = await m.query(
    `SELECT count(*)::int AS total FROM requirement r JOIN org_unit o ON o.id = r.org_unit_id
        WHERE ${where}`,
    params,
  );
  return total;
}

/**
 * Hours per year of a curriculum (not archived) owned by an ancestor-or-self of the unit
 * path $2, or in the caller's subtree $3 (null: everywhere); undefined when neither.
 */
export async function visibleCurriculumHours(
  m: EntityManager,
  curriculumId: string,
  unitPath: string,
  prefix: string | null,
): Promise<{ hours: number } | undefined> {
  const [row] = await m.query(
    `SELECT c.hours_per_year::float8 AS hours FROM curriculum c JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE c.id = $1 AND c.status <> 'archived'
          AND ($2::text LIKE o.path || '%' OR $3::text IS NULL OR o.path LIKE $3::text || '%')`,
    [curriculumId, unitPath, prefix],
  );
  return row;
}

/** The person's current unit when it lies in the subtree `prefix` (null: everywhere). */
export async function personInSubtree(
  m: EntityManager,
  userId: string,
  prefix: string | null,
): Promise<{ orgUnitId: string } | undefined> {
  const [row] = await m.query(
    `SELECT u.org_unit_id AS "orgUnitId" FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE u.id = $1 AND ($2::text IS NULL OR o.path LIKE $2::text || '%')`,
    [userId, prefix],
  );
  return row;
}
