import type { LessonKind } from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A lesson as learners read it, with its neighbours in reading order. */
export interface LessonInOrder {
  id: string;
  moduleId: string;
  courseId: string;
  courseVersionId: string;
  /** `draft`, `published` or `superseded`: only a draft can still change. */
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

/** The lessons of a course version in the order learners meet them (module, then lesson). */
@Injectable()
export class CourseLessonOrderService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  lessonsInOrder(versionId: string): Promise<{ id: string; title: string }[]> {
    return this.db.query(
      `SELECT l.id, l.title FROM lesson l JOIN course_module m ON m.id = l.module_id
        WHERE l.course_version_id = $1 ORDER BY m.position, l.position, l.id`,
      [versionId],
    );
  }

  /** One lesson with the previous and next in reading order; null when there is none. */
  async lessonWithNeighbours(lessonId: string): Promise<LessonInOrder | null> {
    const [row] = (await this.db.query(LESSON_WITH_NEIGHBOURS, [lessonId])) as LessonInOrder[];
    return row ?? null;
  }
}
