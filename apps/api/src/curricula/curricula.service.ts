import type { CurriculumDetail, CurriculumStatus, FieldError } from '@dx/contracts';
import { foldForSearch } from '@dx/contracts';
import { COURSES_WITH_OWNER_PATH_SQL, CurriculumCourseEntity, CurriculumEntity } from '@dx/db';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { CourseAccessService } from '../courses/course-access.service';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CurriculaQueryService, editableBy } from './curricula-query.service';
import { CURRICULUM_WITH_OWNER } from './curriculum-queries';
import { CreateCurriculumDto } from './dto/create-curriculum.dto';
import { UpdateCurriculumDto } from './dto/update-curriculum.dto';
import { InvalidInputException } from '../http/invalid-input';
import { assertHoursReachable } from './curriculum-hours';

interface CurriculumRow {
  id: string;
  code: string;
  status: CurriculumStatus;
  ownerOrgUnitId: string;
  ownerPath: string;
  hoursPerYear: number;
}

/** Authoring curricula: trainers within their scope, sysadmin everywhere. */
@Injectable()
export class CurriculaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly queries: CurriculaQueryService,
    private readonly courses: CourseAccessService,
  ) {}

  async create(user: AuthUser, dto: CreateCurriculumDto): Promise<CurriculumDetail> {
    const owner = await this.scope.requireInScope(
      user,
      dto.ownerOrgUnitId ?? user.orgUnitId,
      'ownerOrgUnitId',
    );
    const id = await this.db.transaction(async (tx) => {
      await this.requireFreeCode(tx, dto.code);
      await this.checkCourses(tx, dto.courseIds, owner.path, false);
      const saved = await tx.save(
        tx.create(CurriculumEntity, {
          code: dto.code,
          title: dto.title,
          description: dto.description ?? '',
          audience: dto.audience ?? '',
          jobTitles: distinctTitles(dto.jobTitles ?? []),
          hoursPerYear: dto.hoursPerYear,
          ownerOrgUnitId: owner.id,
          status: 'draft',
        }),
      );
      await this.replaceCourses(tx, saved.id, dto.courseIds);
      return saved.id;
    });
    return this.queries.detail(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateCurriculumDto): Promise<CurriculumDetail> {
    await this.db.transaction(async (tx) => {
      const current = await this.loadEditable(tx, user, id);
      let ownerPath = current.ownerPath;
      if (dto.ownerOrgUnitId && dto.ownerOrgUnitId !== current.ownerOrgUnitId) {
        ownerPath = (await this.scope.requireInScope(user, dto.ownerOrgUnitId, 'ownerOrgUnitId'))
          .path;
      }
      if (dto.code && dto.code !== current.code) await this.requireFreeCode(tx, dto.code);
      if (dto.courseIds || ownerPath !== current.ownerPath) {
        const courseIds = dto.courseIds ?? (await this.courseIds(tx, id));
        // A published curriculum must stay followable: only published courses, at least one.
        const published = current.status === 'published';
        if (published && courseIds.length === 0)
          throw invalid([{ field: 'courseIds', message: 'must name at least one course' }]);
        await this.checkCourses(tx, courseIds, ownerPath, published);
      }
      const changes: Partial<CurriculumEntity> = {};
      if (dto.code !== undefined) changes.code = dto.code;
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.audience !== undefined) changes.audience = dto.audience;
      if (dto.jobTitles !== undefined) changes.jobTitles = distinctTitles(dto.jobTitles);
      if (dto.hoursPerYear !== undefined) changes.hoursPerYear = dto.hoursPerYear;
      if (dto.ownerOrgUnitId !== undefined) changes.ownerOrgUnitId = dto.ownerOrgUnitId;
      if (Object.keys(changes).length) await tx.update(CurriculumEntity, { id }, changes);
      if (dto.courseIds) await this.replaceCourses(tx, id, dto.courseIds);
      // A published curriculum keeps courses that can reach its hours.
      if (current.status === 'published' && (dto.courseIds || dto.hoursPerYear !== undefined)) {
        await assertHoursReachable(tx, this.courses, {
          hoursPerYear: dto.hoursPerYear ?? current.hoursPerYear,
          courseIds: dto.courseIds ?? (await this.courseIds(tx, id)),
        });
      }
    });
    return this.queries.detail(user, id);
  }

  /**
   * 400 with the reason when a learner could not follow it (no course, an unpublished one)
   * or could not earn its hours per year from its courses.
   */
  async publish(user: AuthUser, id: string): Promise<CurriculumDetail> {
    await this.db.transaction(async (tx) => {
      const current = await this.loadEditable(tx, user, id);
      const courseIds = await this.courseIds(tx, id);
      if (courseIds.length === 0)
        throw invalid([{ field: 'courseIds', message: 'add at least one course first' }]);
      await this.checkCourses(tx, courseIds, current.ownerPath, true);
      await assertHoursReachable(tx, this.courses, {
        hoursPerYear: current.hoursPerYear,
        courseIds,
      });
      if (current.status !== 'published') {
        await tx.update(CurriculumEntity, { id }, { status: 'published' });
        await recordAudit(tx, {
          action: 'curriculum.published',
          targetType: 'curriculum',
          targetId: id,
          orgUnitId: current.ownerOrgUnitId,
          details: { code: current.code },
        });
      }
    });
    return this.queries.detail(user, id);
  }

  /** Hidden from learners; certificates already earned stay valid. */
  async archive(user: AuthUser, id: string): Promise<CurriculumDetail> {
    await this.db.transaction(async (tx) => {
      const current = await this.loadEditable(tx, user, id);
      await tx.update(CurriculumEntity, { id }, { status: 'archived' });
      await recordAudit(tx, {
        action: 'curriculum.archived',
        targetType: 'curriculum',
        targetId: id,
        orgUnitId: current.ownerOrgUnitId,
        details: { code: current.code },
      });
    });
    return this.queries.detail(user, id);
  }

  /** Locks the row; 404 when the caller cannot see it, 403 when they see it but may not edit it. */
  private async loadEditable(
    tx: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<CurriculumRow> {
    const [row]: CurriculumRow[] = await tx.query(
      `SELECT c.id, c.code, c.status, c.owner_org_unit_id AS "ownerOrgUnitId", o.path AS "ownerPath",
              c.hours_per_year::float8 AS "hoursPerYear"
         FROM ${CURRICULUM_WITH_OWNER}
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    if (!row) throw new NotFoundException('Curriculum not found');
    const path = await this.scope.scopePath(user);
    if (editableBy(user, path)(row.ownerPath)) return row;
    const visible = path === null || (row.status === 'published' && path.startsWith(row.ownerPath));
    if (!visible) throw new NotFoundException('Curriculum not found');
    throw new ForbiddenException('This curriculum is outside your scope');
  }

  /**
   * Every course must be visible to all learners of the owner unit — owned by that unit
   * or an ancestor — and not archived; when the curriculum is (to be) published, published.
   * Unknown and out-of-reach courses get the same message: existence is not revealed.
   */
  private async checkCourses(
    tx: EntityManager,
    courseIds: string[],
    ownerPath: string,
    requirePublished: boolean,
  ): Promise<void> {
    const rows: { id: string; status: string; path: string }[] = courseIds.length
      ? await tx.query(COURSES_WITH_OWNER_PATH_SQL, [courseIds])
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const errors: FieldError[] = [];
    courseIds.forEach((courseId, i) => {
      const field = `courseIds.${i}`;
      const course = byId.get(courseId);
      if (!course || !ownerPath.startsWith(course.path)) {
        errors.push({
          field,
          message: 'does not name a course visible to the owner unit',
          code: 'course_not_usable',
        });
      } else if (course.status === 'archived') {
        errors.push({ field, message: 'the course is archived', code: 'course_not_usable' });
      } else if (requirePublished && course.status !== 'published') {
        errors.push({
          field,
          message: 'the course is not published yet',
          code: 'course_not_usable',
        });
      }
    });
    if (errors.length) throw invalid(errors);
  }

  private async courseIds(tx: EntityManager, curriculumId: string): Promise<string[]> {
    const rows = await tx.find(CurriculumCourseEntity, {
      where: { curriculumId },
      order: { position: 'ASC' },
    });
    return rows.map((r) => r.courseId);
  }

  private async replaceCourses(
    tx: EntityManager,
    curriculumId: string,
    courseIds: string[],
  ): Promise<void> {
    await tx.delete(CurriculumCourseEntity, { curriculumId });
    if (courseIds.length) {
      await tx.insert(
        CurriculumCourseEntity,
        courseIds.map((courseId, i) => ({ curriculumId, courseId, position: i + 1 })),
      );
    }
  }

  private async requireFreeCode(tx: EntityManager, code: string): Promise<void> {
    if (await tx.existsBy(CurriculumEntity, { code })) {
      throw new ConflictException({
        message: `Curriculum code ${code} is taken`,
        errors: [{ field: 'code', message: 'already used', code: 'already_used' }],
      });
    }
  }
}

function invalid(errors: FieldError[]) {
  return new InvalidInputException(errors);
}

/** Job titles once each, compared as people would (case and diacritics ignored). */
function distinctTitles(titles: string[]): string[] {
  const seen = new Set<string>();
  return titles.filter((t) => {
    const key = foldForSearch(t);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
