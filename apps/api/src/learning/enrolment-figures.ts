import type { EntityManager } from 'typeorm';

/**
 * A course's enrolment figures for trainer analytics (apps/api/src/quizzes), computed here
 * because the learning feature owns `enrollment`.
 */
/** Enrolments, completions and the median days from enrolment to completion of course $1. */
export const COURSE_FIGURES_SQL = `
SELECT count(*)::int AS enrolments,
       count(*) FILTER (WHERE e.status = 'completed')::int AS completions,
       (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.completed_at - e.enrolled_at))
          FILTER (WHERE e.status = 'completed') / 86400)::float8 AS "medianDays"
  FROM enrollment e
 WHERE e.course_id = $1`;

/** Completions of course $1 per calendar month in time zone $2, oldest first. */
export const COMPLETIONS_BY_MONTH_SQL = `
SELECT to_char(e.completed_at AT TIME ZONE $2, 'YYYY-MM') AS month, count(*)::int AS completions
  FROM enrollment e
 WHERE e.course_id = $1 AND e.status = 'completed' AND e.completed_at IS NOT NULL
 GROUP BY 1 ORDER BY 1`;

export interface EnrolmentFigures {
  enrolments: number;
  completions: number;
  medianDays: number | null;
  byMonth: { month: string; completions: number }[];
}

export async function enrolmentFigures(
  m: EntityManager,
  courseId: string,
  timeZone: string,
): Promise<EnrolmentFigures> {
  const [[figures], byMonth] = await Promise.all([
    m.query(COURSE_FIGURES_SQL, [courseId]),
    m.query(COMPLETIONS_BY_MONTH_SQL, [courseId, timeZone]),
  ]);
  return { ...figures, byMonth };
}
