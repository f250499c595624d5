import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  calendarDate,
  CurriculumCourse,
  CurriculumDetail,
  CurriculumSummary,
  foldForSearch,
  MyCurriculum,
  Paginated,
} from '@dx/contracts';
import {
  courseJoin,
  currentEnrolmentJoin,
  JOB_TITLE_AND_UNIT_PATH_SQL,
  liveVersionJoin,
} from '@dx/db';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, hasRole } from '../auth/auth-user';
import { PageQueryDto, paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import {
  CURRICULUM_WITH_OWNER,
  PROGRESS,
  ProgressRow,
  SUMMARY_GROUP,
  SUMMARY_SELECT,
  SummaryRow,
  toProgress,
  toSummary,
  VISIBLE_TO_CALLER,
} from './curriculum-queries';

/** Reading curricula, with the caller's progress along them. */
@Injectable()
export class CurriculaQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, q: PageQueryDto): Promise<Paginated<CurriculumSummary>> {
    const path = await this.scope.scopePath(user);
    const params = [path, user.roles.includes('trainer')];
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT} WHERE ${VISIBLE_TO_CALLER} ${SUMMARY_GROUP}
       ORDER BY c.title, c.id LIMIT $3 OFFSET $4`,
      [...params, q.pageSize, q.offset],
    );
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ${CURRICULUM_WITH_OWNER} WHERE ${VISIBLE_TO_CALLER}`,
      params,
    );
    const canEdit = editableBy(user, path);
    return paginated(
      rows.map((r) => toSummary(r, canEdit(r.ownerPath))),
      total,
      q,
    );
  }

  /** 404 unless the caller sees it; courses in order with the caller's enrolment in each. */
  async detail(user: AuthUser, id: string): Promise<CurriculumDetail> {
    const path = await this.scope.scopePath(user);
    const [row]: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT} WHERE c.id = $3 AND ${VISIBLE_TO_CALLER} ${SUMMARY_GROUP}`,
      [path, user.roles.includes('trainer'), id],
    );
    if (!row) throw new NotFoundException('Curriculum not found');
    const summary = toSummary(row, editableBy(user, path)(row.ownerPath));
    const [courses, progress] = await Promise.all([
      this.courses(user, id),
      this.progress(user.id, [row]),
    ]);
    return { ...summary, courses, progress: progress[0].progress };
  }

  /**
   * Published curricula that apply to the caller: owned by their unit or an ancestor, and
   * for everyone or for their job title (compared without case or diacritics).
   */
  async mine(user: AuthUser): Promise<MyCurriculum[]> {
    const [me] = await this.db.query(JOB_TITLE_AND_UNIT_PATH_SQL, [user.id]);
    if (!me) return [];
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT} WHERE c.status = 'published' AND $1::text LIKE o.path || '%' ${SUMMARY_GROUP}
       ORDER BY c.title, c.id`,
      [me.path],
    );
    // Few curricula hang off one line of ancestors, so folding here costs nothing and
    // needs no unaccent extension.
    const job = me.jobTitle ? foldForSearch(me.jobTitle) : null;
    const applicable = rows.filter(
      (r) =>
        r.jobTitles.length === 0 ||
        (job !== null && r.jobTitles.some((t) => foldForSearch(t) === job)),
    );
    const progress = await this.progress(user.id, applicable);
    const canEdit = editableBy(user, await this.scope.scopePath(user));
    return applicable.map((r, i) => ({
      ...toSummary(r, canEdit(r.ownerPath)),
      progress: progress[i].progress,
    }));
  }

  private async courses(user: AuthUser, curriculumId: string): Promise<CurriculumCourse[]> {
    const rows = await this.db.query(
      `SELECT cc.course_id AS "courseId", cc.position, co.code, co.status AS "courseStatus",
              cv.title, cv.hours, e.id AS "enrollmentId", e.status AS "enrollmentStatus",
              e.progress, e.completed_at AS "completedAt"
         FROM curriculum_course cc
         ${courseJoin('co', 'cc.course_id')}
         ${liveVersionJoin('cv', 'co')}
         ${currentEnrolmentJoin('e', { userId: '$2', courseId: 'cc.course_id', left: true })}
        WHERE cc.curriculum_id = $1
        ORDER BY cc.position`,
      [curriculumId, user.id],
    );
    return rows.map((r: Record<string, unknown>) => ({
      courseId: r.courseId as string,
      code: r.code as string,
      title: (r.title as string | null) ?? '',
      hours: Number(r.hours ?? 0),
      position: r.position as number,
      courseStatus: r.courseStatus as CurriculumCourse['courseStatus'],
      enrollment: r.enrollmentId
        ? {
            enrollmentId: r.enrollmentId as string,
            status: r.enrollmentStatus as 'in_progress' | 'completed',
            progress: r.progress as number,
            completedAt: r.completedAt ? (r.completedAt as Date).toISOString() : null,
          }
        : null,
    }));
  }

  /** Progress of one learner along several curricula in one query, in the order given. */
  private async progress(userId: string, curricula: SummaryRow[]) {
    const year = Number(calendarDate(this.config.reportsTimeZone).slice(0, 4));
    const rows: ProgressRow[] = curricula.length
      ? await this.db.query(PROGRESS, [
          curricula.map((c) => c.id),
          userId,
          year,
          this.config.reportsTimeZone,
        ])
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return curricula.map((c) => ({
      id: c.id,
      progress: toProgress(byId.get(c.id), Number(c.hoursPerYear), year),
    }));
  }
}

/** Trainers edit curricula owned in their subtree; `scopePath` null: sysadmin. */
export function editableBy(
  user: AuthUser,
  scopePath: string | null,
): (ownerPath: string) => boolean {
  const trainer = hasRole(user, 'trainer');
  return (ownerPath) => trainer && (scopePath === null || ownerPath.startsWith(scopePath));
}
