import type { CurriculumProgress, CurriculumStatus, CurriculumSummary } from '@dx/contracts';

/**
 * One row per curriculum with its course count and total hours (each course's live
 * version: published, else the draft of a never-published course). Append WHERE, then
 * SUMMARY_GROUP.
 */
export const SUMMARY_SELECT = `
  SELECT c.id, c.code, c.title, c.description, c.audience, c.job_titles AS "jobTitles",
         c.hours_per_year AS "hoursPerYear", c.owner_org_unit_id AS "ownerOrgUnitId", c.status,
         o.path AS "ownerPath", count(cc.course_id)::int AS "courseCount",
         coalesce(sum(cv.hours), 0) AS "totalHours"
    FROM curriculum c
    JOIN org_unit o ON o.id = c.owner_org_unit_id
    LEFT JOIN curriculum_course cc ON cc.curriculum_id = c.id
    LEFT JOIN course co ON co.id = cc.course_id
    LEFT JOIN course_version cv ON cv.id = coalesce(co.published_version_id, co.draft_version_id)`;

export const SUMMARY_GROUP = ' GROUP BY c.id, o.path';

/**
 * What the caller sees, given $1 = their unit's path (null: sysadmin, everything) and
 * $2 = whether they are a trainer: published curricula owned by their unit or an
 * ancestor, plus, for trainers, every curriculum they can edit (owned in their subtree).
 */
export const VISIBLE_TO_CALLER = `
  ($1::text IS NULL
   OR (c.status = 'published' AND $1::text LIKE o.path || '%')
   OR ($2::boolean AND o.path LIKE $1::text || '%'))`;

/**
 * Per curriculum ($1 ids) and learner ($2): courses, courses completed, hours of the
 * curriculum's courses completed in year $3 of time zone $4 (hours of the version the
 * learner completed), and the programme certificate of year $3 if any. Progress counts
 * the learner's current enrolments.
 */
export const PROGRESS = `
  SELECT p.*, cert.id AS "certificateId"
    FROM (SELECT cc.curriculum_id AS id,
                 count(*)::int AS total,
                 count(e.id) FILTER (WHERE e.status = 'completed')::int AS completed,
                 coalesce(sum(ev.hours) FILTER (
                   WHERE e.status = 'completed'
                     AND e.completed_at >= make_timestamptz($3::int, 1, 1, 0, 0, 0, $4::text)
                     AND e.completed_at < make_timestamptz($3::int + 1, 1, 1, 0, 0, 0, $4::text)), 0) AS hours
            FROM curriculum_course cc
            LEFT JOIN enrollment e ON e.course_id = cc.course_id AND e.user_id = $2 AND e.current
            LEFT JOIN course_version ev ON ev.id = e.course_version_id
           WHERE cc.curriculum_id = ANY($1::uuid[])
           GROUP BY cc.curriculum_id) p
    LEFT JOIN certificate cert ON cert.kind = 'program' AND cert.user_id = $2 AND cert.curriculum_id = p.id
                              AND cert.year = $3::int`;

export interface SummaryRow {
  id: string;
  code: string;
  title: string;
  description: string;
  audience: string;
  jobTitles: string[];
  hoursPerYear: string;
  ownerOrgUnitId: string;
  status: CurriculumStatus;
  ownerPath: string;
  courseCount: number;
  totalHours: string;
}

export interface ProgressRow {
  id: string;
  total: number;
  completed: number;
  hours: string;
  certificateId: string | null;
}

export function toSummary(row: SummaryRow, canEdit: boolean): CurriculumSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    audience: row.audience,
    jobTitles: row.jobTitles,
    hoursPerYear: Number(row.hoursPerYear),
    ownerOrgUnitId: row.ownerOrgUnitId,
    status: row.status,
    courseCount: row.courseCount,
    totalHours: Number(row.totalHours),
    canEdit,
  };
}

export function toProgress(
  row: ProgressRow | undefined,
  hoursPerYear: number,
  year: number,
): CurriculumProgress {
  const total = row?.total ?? 0;
  const completed = row?.completed ?? 0;
  return {
    coursesTotal: total,
    coursesCompleted: completed,
    hoursThisYear: Number(row?.hours ?? 0),
    hoursPerYear,
    year,
    completed: total > 0 && completed === total,
    certificateId: row?.certificateId ?? null,
  };
}
