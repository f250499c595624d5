import type { LessonContent } from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import { ChangeFeed } from '../cache/change-feed.service';
import { ReadCache } from '../cache/read-cache';
import { CourseLessonOrderService } from '../courses/course-lesson-order.service';
import { renderLessonMarkdown } from './markdown.renderer';

/**
 * A lesson as every enrolled learner of its version sees it, in its two variants (not yet
 * read / read), so that a response is one of two shared objects: serialised and given an
 * ETag once (http/shared-json), whoever asks.
 */
export interface SharedLesson {
  courseId: string;
  courseVersionId: string;
  /** Only versions that can no longer change are kept in memory. */
  immutable: boolean;
  /** The lesson has a minimum time: its first opening is recorded. */
  paced: boolean;
  unread: LessonContent;
  read: LessonContent;
}

/**
 * Lesson content of published versions, kept in memory: a published version never changes,
 * so its Markdown is rendered once per process instead of on every read, the request that
 * learners make most. The catalog's change feed drops it too (a version superseded or a
 * course archived), which also bounds what a lost notification could leave behind.
 */
@Injectable()
export class LessonContentCache {
  // Rendered lessons run to tens of KB: a few thousand cover every course being taken.
  private readonly lessons: ReadCache<SharedLesson | { missing: true }>;

  constructor(
    private readonly lessonOrder: CourseLessonOrderService,
    changes: ChangeFeed,
  ) {
    this.lessons = new ReadCache(changes, 'catalog', { max: 3_000, ttlMs: 60 * 60_000 });
  }

  async get(lessonId: string): Promise<SharedLesson | null> {
    const found = await this.lessons.get(
      lessonId,
      () => this.load(lessonId),
      (value) => 'immutable' in value && value.immutable,
    );
    return 'missing' in found ? null : found;
  }

  private async load(lessonId: string): Promise<SharedLesson | { missing: true }> {
    const row = await this.lessonOrder.lessonWithNeighbours(lessonId);
    if (!row) return { missing: true };
    const unread: LessonContent = {
      id: row.id,
      courseId: row.courseId,
      moduleId: row.moduleId,
      title: row.title,
      kind: row.kind,
      contentHtml: row.content ? renderLessonMarkdown(row.content) : null,
      // Only web links go to the player; anything else would be a script vector.
      videoUrl: row.videoUrl && /^https?:\/\//i.test(row.videoUrl) ? row.videoUrl : null,
      fileUrl: row.fileKey ? `/api/lessons/${row.id}/file` : null,
      fileName: row.fileKey ? row.fileName : null,
      durationMinutes: row.durationMinutes,
      minSeconds: row.minSeconds,
      previousLessonId: row.previousLessonId,
      nextLessonId: row.nextLessonId,
      completed: false,
    };
    return {
      courseId: row.courseId,
      courseVersionId: row.courseVersionId,
      immutable: row.versionStatus !== 'draft',
      paced: row.minSeconds > 0,
      unread,
      read: { ...unread, completed: true },
    };
  }
}
