import type { CourseSummary, Paginated } from '@dx/contracts';
import { catalogQuery, ReadReplica, toPrefixTsQuery } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { ChangeFeed } from '../cache/change-feed.service';
import { ReadCache } from '../cache/read-cache';
import { paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CourseAccessService } from './course-access.service';
import {
  AUTHORING_SUMMARY_COLUMNS,
  AUTHORING_SUMMARY_FROM,
  CourseSummaryRow,
  toCourseSummary,
} from './course-summary';
import { AuthoringCoursesQuery, ListCoursesQuery } from './dto/list-courses.query';

/** Lists of courses: the learners' catalog and the trainers' authoring list. */
@Injectable()
export class CourseCatalogService {
  /**
   * Catalog pages by unit and query. Every learner of a unit sees the same catalog, and it
   * changes only when a course is published or archived or units merge: it is the most
   * read page of the platform, so it is served from memory (tools/bench: catalog figures).
   */
  private readonly pages: ReadCache<Paginated<CourseSummary>>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
    private readonly scope: OrgScopeService,
    changes: ChangeFeed,
    private readonly replica: ReadReplica,
  ) {
    this.pages = new ReadCache(changes, 'catalog', { max: 20_000, ttlMs: 10 * 60_000 });
  }

  /** Published courses owned by the caller's unit or an ancestor (all of them for sysadmin). */
  catalog(user: AuthUser, q: ListCoursesQuery): Promise<Paginated<CourseSummary>> {
    const sysadmin = user.roles.includes('sysadmin');
    const tsquery = toPrefixTsQuery(q.q);
    const key = [sysadmin ? '*' : user.orgUnitId, tsquery ?? '', q.pageSize, q.offset].join('|');
    // On the replica once it holds every change up to now: a page cached from a lagging one
    // would outlive the change that emptied the cache.
    const load = () =>
      this.replica.read((m) => this.loadCatalog(m, sysadmin ? null : user, tsquery, q), {
        freshAsOf: new Date(),
        waitMs: 1_000,
      });
    return this.pages.get(key, load);
  }

  private async loadCatalog(
    m: EntityManager,
    user: AuthUser | null,
    tsquery: string | null,
    q: ListCoursesQuery,
  ): Promise<Paginated<CourseSummary>> {
    const lineage = user ? await this.access.lineage(m, user) : null;
    const query = catalogQuery({
      lineage,
      tsquery,
      limit: q.pageSize,
      offset: q.offset,
    });
    const [rows, [{ total }]] = await Promise.all([
      m.query(query.sql, query.params) as Promise<CourseSummaryRow[]>,
      m.query(query.countSql, query.params.slice(0, -2)),
    ]);
    return paginated(rows.map(toCourseSummary), total, q);
  }

  /** Courses the caller may edit (owned by their unit or below), drafts included. */
  async authoring(user: AuthUser, q: AuthoringCoursesQuery): Promise<Paginated<CourseSummary>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const prefix = await this.scope.scopePath(user);
    if (prefix !== null) {
      params.push(`${prefix}%`);
      where.push(`o.path LIKE $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`c.status = $${params.length}`);
    }
    const tsquery = toPrefixTsQuery(q.q);
    if (tsquery) {
      params.push(tsquery);
      where.push(`to_tsvector('simple', v.search_text) @@ to_tsquery('simple', $${params.length})`);
    }
    const filter = `${AUTHORING_SUMMARY_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const m = this.db.manager;
    const [rows, [{ total }]] = await Promise.all([
      m.query(
        `SELECT ${AUTHORING_SUMMARY_COLUMNS} ${filter}
          ORDER BY c.updated_at DESC, c.code
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, q.pageSize, q.offset],
      ) as Promise<CourseSummaryRow[]>,
      m.query(`SELECT count(*)::int AS total ${filter}`, params),
    ]);
    return paginated(rows.map(toCourseSummary), total, q);
  }
}
