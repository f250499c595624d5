import type { CreatedId } from '@dx/contracts';
import { CourseModuleEntity, LessonEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { nextPosition, renumber } from './content-positions';
import { CourseDraftService } from './course-draft.service';
import { CreateModuleDto, UpdateModuleDto } from './dto/module.dto';
import { CreateLessonDto, UpdateLessonDto } from './dto/lesson.dto';
import { assertLessonFitsKind } from './lesson-rules';
import { LessonFilesService } from './lesson-files.service';

/**
 * Modules and lessons of a course's draft. Ids of the published version are followed
 * into the draft (opened on first edit); answers carry the draft's ids.
 */
@Injectable()
export class CourseStructureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drafts: CourseDraftService,
    private readonly files: LessonFilesService,
  ) {}

  async addModule(user: AuthUser, courseId: string, dto: CreateModuleDto): Promise<CreatedId> {
    return this.db.transaction(async (tx) => {
      const { course, draftVersionId } = await this.drafts.courseDraft(tx, user, courseId);
      const id = randomUUID();
      await tx.insert(CourseModuleEntity, {
        id,
        courseVersionId: draftVersionId,
        key: randomUUID(),
        position: await nextPosition(tx, 'course_module', draftVersionId),
        title: dto.title,
      });
      await this.drafts.touch(tx, course.id);
      return { id };
    });
  }

  async updateModule(user: AuthUser, moduleId: string, dto: UpdateModuleDto): Promise<CreatedId> {
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'module', moduleId);
      if (dto.title !== undefined)
        await tx.update(CourseModuleEntity, { id: target.id }, { title: dto.title });
      if (dto.position !== undefined) {
        await renumber(tx, 'course_module', target.draftVersionId, {
          id: target.id,
          position: dto.position,
        });
      }
      await this.drafts.touch(tx, target.course.id);
      return { id: target.id };
    });
  }

  /** Removes the module and its lessons from the draft (its practice quizzes stay, unattached). */
  async deleteModule(user: AuthUser, moduleId: string): Promise<void> {
    const released = await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'module', moduleId);
      const keys = (await tx.findBy(LessonEntity, { moduleId: target.id }))
        .map((l) => l.fileKey)
        .filter((k): k is string => k !== null);
      await tx.delete(CourseModuleEntity, { id: target.id });
      await renumber(tx, 'course_module', target.draftVersionId);
      await this.drafts.touch(tx, target.course.id);
      return { courseId: target.course.id, keys };
    });
    await this.files.releaseUnused(released.courseId, released.keys);
  }

  async addLesson(user: AuthUser, moduleId: string, dto: CreateLessonDto): Promise<CreatedId> {
    const fields = { kind: dto.kind, content: dto.content || null, videoUrl: dto.videoUrl ?? null };
    assertLessonFitsKind(fields);
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'module', moduleId);
      const id = randomUUID();
      await tx.insert(LessonEntity, {
        id,
        moduleId: target.id,
        courseVersionId: target.draftVersionId,
        key: randomUUID(),
        position: await nextPosition(tx, 'lesson', target.id),
        title: dto.title,
        durationMinutes: dto.durationMinutes,
        minSeconds: dto.minSeconds ?? 0,
        ...fields,
      });
      await this.drafts.touch(tx, target.course.id);
      return { id };
    });
  }

  async updateLesson(user: AuthUser, lessonId: string, dto: UpdateLessonDto): Promise<CreatedId> {
    const released = await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'lesson', lessonId);
      const lesson = await tx.findOneByOrFail(LessonEntity, { id: target.id });
      const kind = dto.kind ?? lesson.kind;
      const fields = {
        kind,
        content: dto.content === undefined ? lesson.content : dto.content || null,
        // A kind change away from video drops the link rather than refusing the change.
        videoUrl:
          dto.videoUrl === undefined ? (kind === 'video' ? lesson.videoUrl : null) : dto.videoUrl,
      };
      assertLessonFitsKind(fields);
      const dropsFile = kind !== 'file' && lesson.fileKey !== null;
      await tx.update(
        LessonEntity,
        { id: lesson.id },
        {
          ...fields,
          title: dto.title ?? lesson.title,
          durationMinutes: dto.durationMinutes ?? lesson.durationMinutes,
          minSeconds: dto.minSeconds ?? lesson.minSeconds,
          ...(dropsFile ? { fileKey: null, fileName: null, fileMime: null } : {}),
        },
      );
      if (dto.position !== undefined) {
        await renumber(tx, 'lesson', lesson.moduleId, { id: lesson.id, position: dto.position });
      }
      await this.drafts.touch(tx, target.course.id);
      return {
        id: lesson.id,
        courseId: target.course.id,
        keys: dropsFile && lesson.fileKey ? [lesson.fileKey] : [],
      };
    });
    await this.files.releaseUnused(released.courseId, released.keys);
    return { id: released.id };
  }

  async deleteLesson(user: AuthUser, lessonId: string): Promise<void> {
    const released = await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'lesson', lessonId);
      const lesson = await tx.findOneByOrFail(LessonEntity, { id: target.id });
      await tx.delete(LessonEntity, { id: lesson.id });
      await renumber(tx, 'lesson', lesson.moduleId);
      await this.drafts.touch(tx, target.course.id);
      return { courseId: target.course.id, keys: lesson.fileKey ? [lesson.fileKey] : [] };
    });
    await this.files.releaseUnused(released.courseId, released.keys);
  }
}
