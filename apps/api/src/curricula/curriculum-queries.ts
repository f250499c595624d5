import type { CurriculumProgress, CurriculumStatus, CurriculumSummary } from '@dx/contracts';
import {
  courseJoin,
  courseVersionJoin,
  currentEnrolmentJoin,
  liveVersionJoin,
  orgUnitJoin,
  programmeCertificateJoin,
} from '@dx/db';

/** The curriculum `c` with its owner unit `o` (for `o.path`). */
export const CURRICULUM_WITH_OWNER = `curriculum c ${orgUnitJoin('o', 'c.owner_org_unit_id')}`;

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
    FROM ${CURRICULUM_WITH_OWNER}
    LEFT JOIN curriculum_course cc ON cc.curriculum_id = c.id
    ${courseJoin('co', 'cc.course_id', { left: true })}
    ${liveVersionJoin('cv', 'co')}`;

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
            ${currentEnrolmentJoin('e', { userId: '$2', courseId: 'cc.course_id', left: true })}
            ${courseVersionJoin('ev', 'e.course_version_id', { left: true })}
           WHERE cc.curriculum_id = ANY($1::uuid[])
           GROUP BY cc.curriculum_id) p
    ${programmeCertificateJoin('cert', { userId: '$2', curriculumId: 'p.id', year: '$3::int' })}`;

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
