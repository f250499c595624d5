import type { EnrollResponse, MyEnrollment } from '@dx/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

export interface EnrollOutcome {
  created: boolean;
  body: EnrollResponse;
}

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  /**
   * Enrols the caller in the course's current published version. Idempotent and safe
   * under concurrency: the unique (user, course) index decides who inserts, everyone else
   * reads the row that won.
   */
  async enroll(user: AuthUser, courseId: string): Promise<EnrollOutcome> {
    // Visible = owned by the caller's unit or an ancestor (sysadmin: everywhere).
    const callerPath = await this.scope.scopePath(user);
    const [course] = await this.db.query(
      `SELECT c.published_version_id AS "versionId"
         FROM course c JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE c.id = $1 AND c.status = 'published' AND c.published_version_id IS NOT NULL
          AND ($2::text IS NULL OR $2::text LIKE o.path || '%')`,
      [courseId, callerPath],
    );
    if (!course) throw new NotFoundException('Course not found');

    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO enrollment (user_id, course_id, course_version_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, course_id) DO NOTHING
       RETURNING id`,
      [user.id, courseId, course.versionId],
    );
    if (inserted.length)
      return { created: true, body: { enrollmentId: inserted[0].id, status: 'in_progress' } };

    const [existing] = await this.db.query(
      'SELECT id, status FROM enrollment WHERE user_id = $1 AND course_id = $2',
      [user.id, courseId],
    );
    return { created: false, body: { enrollmentId: existing.id, status: existing.status } };
  }

  /** The caller's enrolments with the title and hours of the version they study, latest activity first. */
  async mine(user: AuthUser): Promise<MyEnrollment[]> {
    const rows = await this.db.query(
      `SELECT e.id, e.course_id, cv.title, cv.version, cv.hours, e.progress, e.status,
              e.completed_at, e.last_lesson_id
         FROM enrollment e JOIN course_version cv ON cv.id = e.course_version_id
        WHERE e.user_id = $1
        ORDER BY e.updated_at DESC, e.id`,
      [user.id],
    );
    return rows.map((r: Record<string, unknown>): MyEnrollment => ({
      enrollmentId: r.id as string,
      courseId: r.course_id as string,
      title: r.title as string,
      version: r.version as number,
      hours: Number(r.hours),
      progress: r.progress as number,
      status: r.status as MyEnrollment['status'],
      completedAt: r.completed_at ? (r.completed_at as Date).toISOString() : null,
      lastLessonId: (r.last_lesson_id as string | null) ?? null,
    }));
  }
}
