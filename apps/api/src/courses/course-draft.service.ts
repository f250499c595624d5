import { CourseModuleEntity, insertSelectSql as insertSelect, LessonEntity } from '@dx/db';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseAccessService, CourseRow } from './course-access.service';
import { copyQuizzesToVersion } from '../quizzes/quiz-copy';
import {
  QUESTION_IN_VERSION_SQL,
  QUESTION_VERSION_SQL,
  QUIZ_IN_VERSION_SQL,
  QUIZ_VERSION_SQL,
} from '../quizzes/quiz-content.repository';

export type ContentKind = 'module' | 'lesson' | 'quiz' | 'question';

/** An item's version and course, from the quizzes feature's "versionId" of a quiz item. */
const locateQuizItem = (versionOfItem: string) =>
  `SELECT x."versionId", v.course_id AS "courseId"
     FROM (${versionOfItem}) x JOIN course_version v ON v.id = x."versionId"`;

/** Finds an item's version and course. */
const LOCATE: Record<ContentKind, string> = {
  module: `SELECT x.course_version_id AS "versionId", v.course_id AS "courseId"
             FROM course_module x JOIN course_version v ON v.id = x.course_version_id WHERE x.id = $1`,
  lesson: `SELECT x.course_version_id AS "versionId", v.course_id AS "courseId"
             FROM lesson x JOIN course_version v ON v.id = x.course_version_id WHERE x.id = $1`,
  quiz: locateQuizItem(QUIZ_VERSION_SQL),
  question: locateQuizItem(QUESTION_VERSION_SQL),
};

/** The same item in the draft version: keys stay the same across versions. */
const IN_DRAFT: Record<ContentKind, string> = {
  module: `SELECT d.id FROM course_module s JOIN course_module d ON d.key = s.key AND d.course_version_id = $2
            WHERE s.id = $1`,
  lesson: `SELECT d.id FROM lesson s JOIN lesson d ON d.key = s.key AND d.course_version_id = $2 WHERE s.id = $1`,
  quiz: QUIZ_IN_VERSION_SQL,
  question: QUESTION_IN_VERSION_SQL,
};

/**
 * Copies the published version's modules and lessons ($1) into a new draft version ($2),
 * set-based, in the caller's transaction (its quizzes follow, copied by the quizzes feature).
 * New ids, same keys: a module, lesson, quiz or question is recognisable across versions, and
 * learners enrolled in the old version keep it intact. Every column is copied (read from the
 * entities), so a new one cannot be left behind.
 */
const copyContent = (m: EntityManager) => [
  insertSelect(
    m,
    CourseModuleEntity,
    'sm',
    { course_version_id: '$2' },
    'FROM course_module sm WHERE sm.course_version_id = $1',
  ),
  insertSelect(
    m,
    LessonEntity,
    'l',
    { module_id: 'dm.id', course_version_id: '$2' },
    `FROM lesson l
     JOIN course_module sm ON sm.id = l.module_id
     JOIN course_module dm ON dm.course_version_id = $2 AND dm.key = sm.key
    WHERE l.course_version_id = $1`,
  ),
];

export interface DraftTarget {
  course: CourseRow;
  draftVersionId: string;
  /** The item's id in the draft (itself when it already was in the draft). */
  id: string;
}

/** Copy-on-write of course content: every edit lands on the draft version. */
@Injectable()
export class CourseDraftService {
  constructor(private readonly access: CourseAccessService) {}

  /** The draft version of a course locked by requireEditable, opened when there is none. */
  async ensureDraft(tx: EntityManager, course: CourseRow): Promise<string> {
    if (course.draftVersionId) return course.draftVersionId;
    const source = course.publishedVersionId;
    if (!source) throw new Error(`Course ${course.id} has neither a draft nor a published version`);
    const [draft] = await tx.query(
      `INSERT INTO course_version (course_id, version, status, title, description, hours, search_text,
                                   sequential_lessons)
       SELECT course_id, (SELECT max(version) + 1 FROM course_version WHERE course_id = $2),
              'draft', title, description, hours, search_text, sequential_lessons
         FROM course_version WHERE id = $1
       RETURNING id`,
      [source, course.id],
    );
    for (const sql of copyContent(tx)) await tx.query(sql, [source, draft.id]);
    // Quizzes, questions, options and draw rules belong to the quizzes feature.
    await copyQuizzesToVersion(tx, source, draft.id);
    await tx.query('UPDATE course SET draft_version_id = $2, updated_at = now() WHERE id = $1', [
      course.id,
      draft.id,
    ]);
    course.draftVersionId = draft.id;
    return draft.id;
  }

  /** For course-level edits: the editable course and its draft version. */
  async courseDraft(tx: EntityManager, user: AuthUser, courseId: string): Promise<DraftTarget> {
    const course = await this.access.requireEditable(tx, user, courseId);
    const draftVersionId = await this.ensureDraft(tx, course);
    return { course, draftVersionId, id: course.id };
  }

  /**
   * For edits of an item by id: the same item in the draft. An id of the published
   * version opens the draft (when needed) and is followed there by its key; 404 when the
   * item does not exist, is not visible, or was removed from the draft.
   */
  async itemInDraft(
    tx: EntityManager,
    user: AuthUser,
    kind: ContentKind,
    id: string,
  ): Promise<DraftTarget> {
    const [found] = await tx.query(LOCATE[kind], [id]);
    if (!found) throw itemNotFound(kind);
    const course = await this.access.requireEditable(tx, user, found.courseId);
    if (found.versionId === course.draftVersionId)
      return { course, draftVersionId: found.versionId, id };
    const draftVersionId = await this.ensureDraft(tx, course);
    const [mapped] = await tx.query(IN_DRAFT[kind], [id, draftVersionId]);
    if (!mapped) throw itemNotFound(kind);
    return { course, draftVersionId, id: mapped.id };
  }

  /**
   * For reads by editors: the item's course and version, without opening a draft. 404 when
   * the item does not exist or the caller cannot see its course, 403 when they see it but may
   * not edit it.
   */
  async itemForEditor(
    m: EntityManager,
    user: AuthUser,
    kind: ContentKind,
    id: string,
  ): Promise<{ course: CourseRow; versionId: string }> {
    const [found] = await m.query(LOCATE[kind], [id]);
    if (!found) throw itemNotFound(kind);
    const course = await this.access.load(m, found.courseId);
    if (!course) throw itemNotFound(kind);
    if (!(await this.access.canEdit(user, course))) {
      if (await this.access.canRead(m, user, course)) {
        throw new ForbiddenException('This course is owned by a unit outside your scope');
      }
      throw itemNotFound(kind);
    }
    return { course, versionId: found.versionId };
  }

  async touch(tx: EntityManager, courseId: string): Promise<void> {
    await tx.query('UPDATE course SET updated_at = now() WHERE id = $1', [courseId]);
  }
}

export function itemNotFound(kind: ContentKind): NotFoundException {
  return new NotFoundException(`${kind[0].toUpperCase()}${kind.slice(1)} not found`);
}
