import type { LessonKind } from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
  minSeconds: number;
  sequentialLessons: boolean;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

const LESSON_WITH_NEIGHBOURS = `
  WITH target AS (
    SELECT l.id, l.module_id AS "moduleId", cv.course_id AS "courseId",
           l.course_version_id AS "courseVersionId", cv.status AS "versionStatus", l.title,
           l.kind, l.content, l.video_url AS "videoUrl", l.file_key AS "fileKey",
           l.file_name AS "fileName", l.duration_minutes AS "durationMinutes",
           l.min_seconds AS "minSeconds", cv.sequential_lessons AS "sequentialLessons"
      FROM lesson l JOIN course_version cv ON cv.id = l.course_version_id
     WHERE l.id = $1),
  ordered AS (
    SELECT l.id, lag(l.id) OVER w AS "previousLessonId", lead(l.id) OVER w AS "nextLessonId"
      FROM lesson l JOIN course_module m ON m.id = l.module_id
     WHERE l.course_version_id = (SELECT "courseVersionId" FROM target)
    WINDOW w AS (ORDER BY m.position, l.position, l.id))
  SELECT target.*, ordered."previousLessonId", ordered."nextLessonId"
    FROM target JOIN ordered ON ordered.id = target.id`;

/** A course's pacing rules as they bear on one lesson (course settings, off by default). */
export interface LessonPacingRules {
  sequential: boolean;
  minSeconds: number;
  /** The lessons before it in reading order, first first. */
  earlier: { id: string; title: string }[];
}

const PACING_RULES = `
  WITH ordered AS (
    SELECT l.id, l.title, l.min_seconds,
           row_number() OVER (ORDER BY m.position, l.position, l.id) AS n
      FROM lesson l JOIN course_module m ON m.id = l.module_id
     WHERE l.course_version_id = $1)
  SELECT cv.sequential_lessons AS sequential, t.min_seconds AS "minSeconds",
         COALESCE((SELECT json_agg(json_build_object('id', o.id, 'title', o.title) ORDER BY o.n)
                     FROM ordered o WHERE o.n < t.n), '[]') AS earlier
    FROM course_version cv JOIN ordered t ON t.id = $2
   WHERE cv.id = $1`;

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

  /** The pacing rules of one lesson of a version; null when the lesson is not in it. */
  async pacingRules(
    m: EntityManager,
    versionId: string,
    lessonId: string,
  ): Promise<LessonPacingRules | null> {
    const [row] = (await m.query(PACING_RULES, [versionId, lessonId])) as LessonPacingRules[];
    return row ?? null;
  }

  /** One lesson with the previous and next in reading order; null when there is none. */
  async lessonWithNeighbours(lessonId: string): Promise<LessonInOrder | null> {
    const [row] = (await this.db.query(LESSON_WITH_NEIGHBOURS, [lessonId])) as LessonInOrder[];
    return row ?? null;
  }
}
