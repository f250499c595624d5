import type { LessonContent, LessonKind } from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeFeed } from '../cache/change-feed.service';
import { ReadCache } from '../cache/read-cache';
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
  unread: LessonContent;
  read: LessonContent;
}

interface LessonRow {
  id: string;
  moduleId: string;
  courseId: string;
  courseVersionId: string;
  versionStatus: string;
  title: string;
  kind: LessonKind;
  content: string | null;
  videoUrl: string | null;
  fileKey: string | null;
  fileName: string | null;
  durationMinutes: number;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

/** The lesson with its neighbours in reading order (module position, then lesson position). */
const LESSON_WITH_NEIGHBOURS = `
  WITH target AS (
    SELECT l.id, l.module_id AS "moduleId", cv.course_id AS "courseId",
           l.course_version_id AS "courseVersionId", cv.status AS "versionStatus", l.title,
           l.kind, l.content, l.video_url AS "videoUrl", l.file_key AS "fileKey",
           l.file_name AS "fileName", l.duration_minutes AS "durationMinutes"
      FROM lesson l JOIN course_version cv ON cv.id = l.course_version_id
     WHERE l.id = $1),
  ordered AS (
    SELECT l.id, lag(l.id) OVER w AS "previousLessonId", lead(l.id) OVER w AS "nextLessonId"
      FROM lesson l JOIN course_module m ON m.id = l.module_id
     WHERE l.course_version_id = (SELECT "courseVersionId" FROM target)
    WINDOW w AS (ORDER BY m.position, l.position, l.id))
  SELECT target.*, ordered."previousLessonId", ordered."nextLessonId"
    FROM target JOIN ordered ON ordered.id = target.id`;

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
    @InjectDataSource() private readonly db: DataSource,
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
    const [row] = (await this.db.query(LESSON_WITH_NEIGHBOURS, [lessonId])) as LessonRow[];
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
      previousLessonId: row.previousLessonId,
      nextLessonId: row.nextLessonId,
      completed: false,
    };
    return {
      courseId: row.courseId,
      courseVersionId: row.courseVersionId,
      immutable: row.versionStatus !== 'draft',
      unread,
      read: { ...unread, completed: true },
    };
  }
}
