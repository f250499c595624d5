import { ENROLLED_VERSION_SQL, orgUnitJoin, UNIT_PATH_SQL } from '@dx/db';
import type { CourseStatus } from '@dx/contracts';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

/** A course with what access decisions need (its owner's path in today's tree). */
export interface CourseRow {
  id: string;
  code: string;
  status: CourseStatus;
  ownerOrgUnitId: string;
  ownerOrgUnitName: string;
  ownerPath: string;
  publishedVersionId: string | null;
  draftVersionId: string | null;
}

const COURSE_ROW = `
  SELECT c.id, c.code, c.status, c.owner_org_unit_id AS "ownerOrgUnitId", o.name AS "ownerOrgUnitName",
         o.path AS "ownerPath",
         c.published_version_id AS "publishedVersionId", c.draft_version_id AS "draftVersionId"
    FROM course c ${orgUnitJoin('o', 'c.owner_org_unit_id')}
   WHERE c.id = $1`;

/**
 * Who may read and who may edit a course. Learners see published courses owned by their
 * unit or an ancestor of it (and any course they are enrolled in); trainers edit courses
 * owned by their unit or below; sysadmin does everything.
 */
@Injectable()
export class CourseAccessService {
  constructor(private readonly scope: OrgScopeService) {}

  async load(m: EntityManager, courseId: string, lock = false): Promise<CourseRow | null> {
    // FOR UPDATE serialises edits of one course: two first edits open one draft, not two.
    const [row] = await m.query(`${COURSE_ROW}${lock ? ' FOR UPDATE OF c' : ''}`, [courseId]);
    return row ?? null;
  }

  async canEdit(user: AuthUser, course: Pick<CourseRow, 'ownerPath'>): Promise<boolean> {
    if (!user.roles.includes('trainer') && !user.roles.includes('sysadmin')) return false;
    return this.scope.contains(user, { path: course.ownerPath });
  }

  /** Hours of the published versions of these courses, added up (unpublished ones count 0). */
  async publishedHours(m: EntityManager, courseIds: string[]): Promise<number> {
    if (courseIds.length === 0) return 0;
    const [row] = await m.query(
      `SELECT COALESCE(sum(cv.hours), 0)::float8 AS hours
         FROM course c JOIN course_version cv ON cv.id = c.published_version_id
        WHERE c.id = ANY($1::uuid[])`,
      [courseIds],
    );
    return row.hours;
  }

  /** Every version of a course, newest first (trainer analytics label quizzes by version). */
  async versions(m: EntityManager, courseId: string): Promise<{ id: string; version: number }[]> {
    return m.query(
      'SELECT id, version FROM course_version WHERE course_id = $1 ORDER BY version DESC',
      [courseId],
    );
  }

  /** Ids of the caller's unit and its ancestors, from the materialised path. */
  async lineage(m: EntityManager, user: AuthUser): Promise<string[]> {
    const [unit] = await m.query(UNIT_PATH_SQL, [user.orgUnitId]);
    return unit ? pathIds(unit.path) : [];
  }

  /** Learner's view: published and owned by the caller's unit or an ancestor, or enrolled. */
  async canRead(m: EntityManager, user: AuthUser, course: CourseRow): Promise<boolean> {
    if (course.status === 'published') {
      if (user.roles.includes('sysadmin')) return true;
      if ((await this.lineage(m, user)).includes(course.ownerOrgUnitId)) return true;
    }
    return (await this.enrolledVersion(m, user, course.id)) !== null;
  }

  async enrolledVersion(
    m: EntityManager,
    user: AuthUser,
    courseId: string,
  ): Promise<string | null> {
    const [row] = await m.query(ENROLLED_VERSION_SQL, [user.id, courseId]);
    return row?.versionId ?? null;
  }

  /**
   * For writes, inside the caller's transaction with the course row locked: 404 when the
   * caller cannot even see the course, 403 when they see it but may not edit it, 409 when
   * it is archived (unless the write is the archiving itself).
   */
  async requireEditable(
    tx: EntityManager,
    user: AuthUser,
    courseId: string,
    { allowArchived = false } = {},
  ): Promise<CourseRow> {
    const course = await this.load(tx, courseId, true);
    if (!course) throw courseNotFound();
    if (!(await this.canEdit(user, course))) {
      if (await this.canRead(tx, user, course)) {
        throw new ForbiddenException('This course is owned by a unit outside your scope');
      }
      throw courseNotFound();
    }
    if (course.status === 'archived' && !allowArchived) {
      throw new ConflictException('The course is archived: it can no longer be edited');
    }
    return course;
  }
}

export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export const courseNotFound = () => new NotFoundException('Course not found');
