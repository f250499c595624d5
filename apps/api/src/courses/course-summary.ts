import type { CourseStatus, CourseSummary } from '@dx/contracts';
import { foldForSearch } from '@dx/contracts';
import { orgUnitJoin } from '@dx/db';

/** A summary row as the SQL below returns it (numeric and timestamps still raw). */
export interface CourseSummaryRow {
  id: string;
  code: string;
  status: CourseStatus;
  ownerOrgUnitId: string;
  ownerOrgUnitName: string;
  version: number;
  draftVersion: number | null;
  title: string;
  description: string;
  hours: string | number;
  publishedAt: Date | string | null;
}

/**
 * The authoring view of courses: title, description and hours of the version being
 * edited (the draft when there is one), the live version's number and publication date.
 * Expects `course c` and `org_unit o` (its owner) in the FROM clause.
 */
export const AUTHORING_SUMMARY_FROM = `
  FROM course c
  ${orgUnitJoin('o', 'c.owner_org_unit_id')}
  LEFT JOIN course_version pv ON pv.id = c.published_version_id
  LEFT JOIN course_version dv ON dv.id = c.draft_version_id
  JOIN course_version v ON v.id = COALESCE(c.draft_version_id, c.published_version_id)`;

export const AUTHORING_SUMMARY_COLUMNS = `
  c.id, c.code, c.status, c.owner_org_unit_id AS "ownerOrgUnitId", o.name AS "ownerOrgUnitName",
  COALESCE(pv.version, dv.version) AS version, dv.version AS "draftVersion",
  v.title, v.description, v.hours, pv.published_at AS "publishedAt"`;

export function toCourseSummary(row: CourseSummaryRow): CourseSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    status: row.status,
    version: Number(row.version),
    draftVersion: row.draftVersion === null ? null : Number(row.draftVersion),
    hours: Number(row.hours),
    ownerOrgUnitId: row.ownerOrgUnitId,
    ownerOrgUnitName: row.ownerOrgUnitName,
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt).toISOString(),
  };
}

/** What the catalog's full-text index is built on: diacritics and case folded away. */
export function courseSearchText(code: string, title: string, description: string): string {
  return foldForSearch(`${code} ${title} ${description}`);
}
