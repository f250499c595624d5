import type { LessonContent, LessonKind, ProgressResponse } from '@dx/contracts';
import {
  hasEnrolmentOfVersion,
  LESSON_FILE_SQL,
  LESSON_WITH_COURSE_SQL,
  RECORD_LESSON_COMPLETION_SQL,
} from '@dx/db';
import { Injectable, NotFoundException, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, hasRole } from '../auth/auth-user';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { CourseLessonOrderService } from '../courses/course-lesson-order.service';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CourseCompletionService } from './course-completion.service';
import { LessonContentCache } from './lesson-content.cache';
import { assertLessonPacing, RECORD_LESSON_VISIT } from './lesson-pacing';
import { LessonReadChecks } from './lesson-read-checks';

/** A lesson of the version the caller is enrolled in. */
interface EnrolledLesson {
  id: string;
  moduleId: string;
  courseId: string;
  enrollmentId: string;
  title: string;
  kind: LessonKind;
  content: string | null;
  videoUrl: string | null;
  fileKey: string | null;
  fileName: string | null;
  durationMinutes: number;
  courseVersionId: string;
  completed: boolean;
}

/**
 * The lesson (the courses feature's read, $1) only when the caller's ($2) current enrolment
 * for its course is pinned to the lesson's version: a lesson of another version (or course)
 * is as good as missing. PostgreSQL flattens the subquery: one join, as before.
 */
const ENROLLED_LESSON = `
  SELECT l.*, e.id AS "enrollmentId",
         EXISTS (SELECT 1 FROM lesson_completion lc
                  WHERE lc.enrollment_id = e.id AND lc.lesson_id = l.id) AS completed
    FROM (${LESSON_WITH_COURSE_SQL}) l
    JOIN enrollment e ON e.user_id = $2 AND e.course_id = l."courseId"
                     AND e.course_version_id = l."courseVersionId" AND e.current`;

/** The lesson's file ($1) and whether the caller ($2) was ever enrolled in its version. */
const LESSON_FILE_FOR_CALLER = `
  SELECT f.key, f."fileName", f.mime, f."ownerPath",
         ${hasEnrolmentOfVersion({ userId: '$2', courseId: 'f."courseId"', versionId: 'f."courseVersionId"' })} AS enrolled
    FROM (${LESSON_FILE_SQL}) f`;

export interface LessonDownload {
  fileName: string;
  mime: string | null;
  stream: Readable;
}

@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: CourseCompletionService,
    private readonly scope: OrgScopeService,
    private readonly contents: LessonContentCache,
    private readonly lessonOrder: CourseLessonOrderService,
    private readonly reads: LessonReadChecks,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * One of the two shared bodies of the lesson (read / not yet read), for a learner whose
   * current enrolment is pinned to its version; anyone else finds no lesson. The body is
   * shared with every other learner, so never change it.
   */
  async content(user: AuthUser, lessonId: string): Promise<LessonContent> {
    const lesson = await this.contents.get(lessonId);
    if (!lesson) throw lessonNotFound();
    const completed = await this.reads.check({
      userId: user.id,
      courseId: lesson.courseId,
      courseVersionId: lesson.courseVersionId,
      lessonId,
    });
    if (completed === null) throw lessonNotFound();
    if (completed) return lesson.read;
    if (lesson.paced) {
      await this.db.query(RECORD_LESSON_VISIT, [
        user.id,
        lesson.courseId,
        lesson.courseVersionId,
        lessonId,
      ]);
    }
    return lesson.unread;
  }

  /**
   * Marks the lesson read and recomputes progress in one transaction, so a completion
   * that finishes the course writes enrolment, certificate and outbox together.
   */
  async complete(user: AuthUser, lessonId: string): Promise<ProgressResponse> {
    return this.db.transaction(async (tx) => {
      const lesson = await this.findEnrolled(tx, user, lessonId);
      // Lock the enrolment first (as CourseCompletionService does) so concurrent
      // completions queue up instead of deadlocking.
      await tx.query(
        'UPDATE enrollment SET last_lesson_id = $2, updated_at = now() WHERE id = $1',
        [lesson.enrollmentId, lesson.id],
      );
      // Pacing rules guard the first completion; completing again stays idempotent.
      if (!lesson.completed) {
        const rules = await this.lessonOrder.pacingRules(tx, lesson.courseVersionId, lesson.id);
        await assertLessonPacing(tx, lesson.enrollmentId, lesson.id, rules);
      }
      await tx.query(RECORD_LESSON_COMPLETION_SQL, [lesson.enrollmentId, lesson.id]);
      const outcome = await this.completion.refresh(tx, lesson.enrollmentId);
      return { progress: outcome.progress, courseCompleted: outcome.completedNow };
    });
  }

  /** The attached file for an enrolled learner of its version, or a trainer in the course's scope. */
  async download(user: AuthUser, lessonId: string): Promise<LessonDownload> {
    const [row] = await this.db.query(LESSON_FILE_FOR_CALLER, [lessonId, user.id]);
    if (!row?.key) throw lessonNotFound();
    const allowed =
      row.enrolled ||
      (hasRole(user, 'trainer') && (await this.scope.contains(user, { path: row.ownerPath })));
    if (!allowed) throw lessonNotFound();
    if (!(await this.storage.exists(row.key))) throw new NotFoundException('File not found');
    return {
      fileName: row.fileName ?? 'tai-lieu',
      mime: row.mime,
      stream: this.storage.stream(row.key),
    };
  }

  private async findEnrolled(
    tx: EntityManager,
    user: AuthUser,
    lessonId: string,
  ): Promise<EnrolledLesson> {
    const [row] = await tx.query(ENROLLED_LESSON, [lessonId, user.id]);
    if (!row) throw lessonNotFound();
    return row;
  }
}

function lessonNotFound() {
  return new NotFoundException('Lesson not found');
}
