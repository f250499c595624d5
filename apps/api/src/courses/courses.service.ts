import type { CourseSummary, PublishCourseResponse } from '@dx/contracts';
import { CourseEntity, CourseVersionEntity } from '@dx/db';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { ChangeFeed } from '../cache/change-feed.service';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CourseAccessService } from './course-access.service';
import { CourseDraftService } from './course-draft.service';
import { LessonFilesService } from './lesson-files.service';
import {
  AUTHORING_SUMMARY_COLUMNS,
  AUTHORING_SUMMARY_FROM,
  courseSearchText,
  toCourseSummary,
} from './course-summary';
import { CreateCourseDto } from './dto/create-course.dto';
import { UpdateCourseDto } from './dto/update-course.dto';
import { quizPoolCheck } from '../quizzes/final-pool-check';
import { publishProblems } from './publish-check';
import { invalidField, InvalidInputException } from '../http/invalid-input';

/** A course's life: created as a draft, edited, published, edited again, archived. */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly access: CourseAccessService,
    private readonly drafts: CourseDraftService,
    private readonly changes: ChangeFeed,
    private readonly files: LessonFilesService,
  ) {}

  async create(user: AuthUser, dto: CreateCourseDto): Promise<CourseSummary> {
    const owner = await this.scope.requireInScope(
      user,
      dto.ownerOrgUnitId ?? user.orgUnitId,
      'ownerOrgUnitId',
    );
    if (owner.validTo) {
      throw invalidField('ownerOrgUnitId', 'the unit is closed', 'org_unit_closed');
    }
    return this.db.transaction(async (tx) => {
      if (await tx.existsBy(CourseEntity, { code: dto.code })) {
        throw new ConflictException({
          message: `Code ${dto.code} is already used`,
          errors: [{ field: 'code', message: 'already used', code: 'already_used' }],
        });
      }
      const courseId = randomUUID();
      const versionId = randomUUID();
      const description = dto.description ?? '';
      await tx.insert(CourseEntity, {
        id: courseId,
        code: dto.code,
        ownerOrgUnitId: owner.id,
        status: 'draft',
        createdBy: user.id,
      });
      await tx.insert(CourseVersionEntity, {
        id: versionId,
        courseId,
        version: 1,
        status: 'draft',
        title: dto.title,
        description,
        hours: dto.hours,
        searchText: courseSearchText(dto.code, dto.title, description),
      });
      await tx.update(CourseEntity, { id: courseId }, { draftVersionId: versionId });
      return this.summary(tx, courseId);
    });
  }

  /** Changes land on the draft, opened from the published version when there is none. */
  async update(user: AuthUser, courseId: string, dto: UpdateCourseDto): Promise<CourseSummary> {
    return this.db.transaction(async (tx) => {
      const { course, draftVersionId } = await this.drafts.courseDraft(tx, user, courseId);
      const draft = await tx.findOneByOrFail(CourseVersionEntity, { id: draftVersionId });
      const title = dto.title ?? draft.title;
      const description = dto.description ?? draft.description;
      await tx.update(
        CourseVersionEntity,
        { id: draftVersionId },
        {
          title,
          description,
          hours: dto.hours ?? draft.hours,
          sequentialLessons: dto.sequentialLessons ?? draft.sequentialLessons,
          searchText: courseSearchText(course.code, title, description),
        },
      );
      await this.drafts.touch(tx, course.id);
      return this.summary(tx, course.id);
    });
  }

  async publish(user: AuthUser, courseId: string): Promise<PublishCourseResponse> {
    const published = await this.db.transaction(async (tx) => {
      const course = await this.access.requireEditable(tx, user, courseId);
      if (!course.draftVersionId)
        throw new ConflictException('Nothing to publish: the course has no draft');
      const problems = await publishProblems(tx, course.draftVersionId);
      if (problems.length) {
        throw new InvalidInputException(
          problems,
          `Cannot publish: ${problems.map((p) => p.message).join('; ')}`,
          'not_publishable',
        );
      }
      const draft = await tx.findOneByOrFail(CourseVersionEntity, { id: course.draftVersionId });
      if (course.publishedVersionId) {
        await tx.update(
          CourseVersionEntity,
          { id: course.publishedVersionId },
          { status: 'superseded' },
        );
      }
      await tx.update(
        CourseVersionEntity,
        { id: draft.id },
        {
          status: 'published',
          publishedAt: () => 'now()',
          searchText: courseSearchText(course.code, draft.title, draft.description),
        },
      );
      await tx.update(
        CourseEntity,
        { id: course.id },
        { status: 'published', publishedVersionId: draft.id, draftVersionId: null },
      );
      await recordAudit(tx, {
        action: 'course.published',
        targetType: 'course',
        targetId: course.id,
        orgUnitId: course.ownerOrgUnitId,
        details: { code: course.code, version: draft.version },
      });
      const { warnings } = await quizPoolCheck(tx, draft.id);
      return { status: 'published' as const, version: draft.version, warnings };
    });
    this.changes.announce('catalog'); // the publisher's next catalog read shows it
    return published;
  }

  /**
   * Throws the draft away: the course goes back to its published version. Idempotent (no
   * draft, nothing to do); 409 for a course never published, whose draft is all there is.
   */
  async discardDraft(user: AuthUser, courseId: string): Promise<void> {
    const { courseId: id, fileKeys } = await this.db.transaction(async (tx) => {
      const course = await this.access.requireEditable(tx, user, courseId);
      const draftId = course.draftVersionId;
      if (!draftId) return { courseId: course.id, fileKeys: [] as string[] };
      if (!course.publishedVersionId) {
        throw new ConflictException(
          'The course was never published: delete its content instead of discarding the draft',
        );
      }
      const files: { fileKey: string }[] = await tx.query(
        `SELECT DISTINCT file_key AS "fileKey" FROM lesson
          WHERE course_version_id = $1 AND file_key IS NOT NULL`,
        [draftId],
      );
      await tx.update(CourseEntity, { id: course.id }, { draftVersionId: null });
      // Modules, lessons, quizzes, questions and options go with it (ON DELETE CASCADE).
      await tx.delete(CourseVersionEntity, { id: draftId });
      await recordAudit(tx, {
        action: 'course.draft_discarded',
        targetType: 'course',
        targetId: course.id,
        orgUnitId: course.ownerOrgUnitId,
        details: { code: course.code },
      });
      return { courseId: course.id, fileKeys: files.map((f) => f.fileKey) };
    });
    // Files uploaded only to the draft are no longer used by any version.
    await this.files.releaseUnused(id, fileKeys);
  }

  /** No new enrolments from now on; learners already enrolled keep going. */
  async archive(user: AuthUser, courseId: string): Promise<CourseSummary> {
    const archived = await this.db.transaction(async (tx) => {
      const course = await this.access.requireEditable(tx, user, courseId, { allowArchived: true });
      if (course.status !== 'archived') {
        await tx.update(CourseEntity, { id: course.id }, { status: 'archived' });
        await recordAudit(tx, {
          action: 'course.archived',
          targetType: 'course',
          targetId: course.id,
          orgUnitId: course.ownerOrgUnitId,
          details: { code: course.code },
        });
      }
      return this.summary(tx, course.id);
    });
    this.changes.announce('catalog');
    return archived;
  }

  async summary(m: EntityManager, courseId: string): Promise<CourseSummary> {
    const [row] = await m.query(
      `SELECT ${AUTHORING_SUMMARY_COLUMNS} ${AUTHORING_SUMMARY_FROM} WHERE c.id = $1`,
      [courseId],
    );
    return toCourseSummary(row);
  }
}
