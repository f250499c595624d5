import { foldForSearch } from '@dx/contracts';
import { orgUnitNameSql } from '../org-units/org-unit-sql';

const MAX_WORDS = 12;

/**
 * A prefix-matching tsquery from free text: folded like search_text ("CHUYỂN ĐỔI" →
 * "chuyen:* & doi:*"). Only [a-z0-9] survive, so nothing the user types can break the
 * tsquery syntax. Null when no word is left (no filter).
 */
export function toPrefixTsQuery(q: string | undefined): string | null {
  const words = foldForSearch(q ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

export interface CatalogFilter {
  /**
   * Ids of the caller's unit and its ancestors (from its path), or null for sysadmin.
   * `owner = ANY(lineage)` is the rule "the owner's path is a prefix of the caller's",
   * said in a way the owner index can serve.
   */
  lineage: string[] | null;
  tsquery: string | null;
  limit: number;
  offset: number;
}

export interface CatalogQuery {
  sql: string;
  countSql: string;
  /** Parameters of `sql`; `countSql` takes the same without the last two (limit, offset). */
  params: unknown[];
}

/**
 * The catalog: published courses the caller may enrol in, searched through the GIN index
 * `idx_course_version_search` — the WHERE clause repeats its expression exactly,
 * `to_tsvector('simple', search_text)`, or PostgreSQL could not use it. Exposed so the
 * index spec EXPLAINs the very query the service runs.
 */
export function catalogQuery(f: CatalogFilter): CatalogQuery {
  const params: unknown[] = [];
  const where = [`c.status = 'published'`, `cv.status = 'published'`];
  if (f.lineage) {
    params.push(f.lineage);
    where.push(`c.owner_org_unit_id = ANY($${params.length}::uuid[])`);
  }
  if (f.tsquery) {
    params.push(f.tsquery);
    where.push(`to_tsvector('simple', cv.search_text) @@ to_tsquery('simple', $${params.length})`);
  }
  // Joining on course_id too lets the planner go from matching versions to their course
  // by primary key.
  const from = `FROM course_version cv
     JOIN course c ON c.id = cv.course_id AND c.published_version_id = cv.id
    WHERE ${where.join(' AND ')}`;
  const sql = `
    SELECT c.id, c.code, c.status, c.owner_org_unit_id AS "ownerOrgUnitId",
           ${orgUnitNameSql('c.owner_org_unit_id')} AS "ownerOrgUnitName",
           cv.version, NULL::int AS "draftVersion", cv.title, cv.description, cv.hours,
           cv.published_at AS "publishedAt"
      ${from}
     ORDER BY cv.title, c.code
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const countSql = `SELECT count(*)::int AS total ${from}`;
  return { sql, countSql, params: [...params, f.limit, f.offset] };
}
