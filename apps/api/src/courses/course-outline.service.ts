import type {
  AuthoringLesson,
  AuthoringQuiz,
  CourseDraft,
  CourseOutline,
  LessonOutline,
  QuizOutline,
} from '@dx/contracts';
import {
  CourseModuleEntity,
  CourseVersionEntity,
  LessonEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuizEntity,
} from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { bankDrawCounts } from '../quizzes/banks/draw-rules.sql';
import { AuthUser } from '../auth/auth-user';
import { CourseAccessService, courseNotFound, CourseRow } from './course-access.service';

interface VersionContent {
  version: CourseVersionEntity;
  modules: CourseModuleEntity[];
  lessons: LessonEntity[];
  quizzes: (QuizEntity & { questionCount: number })[];
}

/** One course's content: the learner's outline and the trainer's editable draft. */
@Injectable()
export class CourseOutlineService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
  ) {}

  /**
   * The version the caller should see: an enrolled learner's own version (even after a
   * newer one is published, or the course archived), else the published one; editors in
   * scope also see a course never published. Never an answer or an explanation.
   */
  async outline(user: AuthUser, courseId: string): Promise<CourseOutline> {
    const m = this.db.manager;
    const course = await this.access.load(m, courseId);
    if (!course) throw courseNotFound();
    const editor = await this.access.canEdit(user, course);
    let versionId = await this.access.enrolledVersion(m, user, courseId);
    if (!versionId && (editor || (await this.access.canRead(m, user, course)))) {
      versionId = course.publishedVersionId ?? (editor ? course.draftVersionId : null);
    }
    if (!versionId) throw courseNotFound();

    const content = await this.content(m, versionId);
    const lessonOutline = (l: LessonEntity): LessonOutline => ({
      id: l.id,
      title: l.title,
      kind: l.kind,
      durationMinutes: l.durationMinutes,
      minSeconds: l.minSeconds,
      position: l.position,
    });
    return {
      ...(await this.header(m, course, content.version, editor)),
      modules: content.modules.map((mod) => ({
        id: mod.id,
        title: mod.title,
        position: mod.position,
        lessons: content.lessons.filter((l) => l.moduleId === mod.id).map(lessonOutline),
      })),
      quizzes: content.quizzes.map(quizOutline),
      totalMinutes: content.lessons.reduce((sum, l) => sum + l.durationMinutes, 0),
    };
  }

  /** The editor's view with answers: the draft, or the published version while none is open. */
  async draft(user: AuthUser, courseId: string): Promise<CourseDraft> {
    const m = this.db.manager;
    const course = await this.access.load(m, courseId);
    if (!course || !(await this.access.canEdit(user, course))) throw courseNotFound();
    const versionId = course.draftVersionId ?? course.publishedVersionId;
    if (!versionId) throw courseNotFound();

    const content = await this.content(m, versionId);
    const questions = await m.find(QuestionEntity, {
      where: { quizId: In(content.quizzes.map((q) => q.id)) },
      order: { position: 'ASC' },
    });
    const options = await m.find(QuestionOptionEntity, {
      where: { questionId: In(questions.map((q) => q.id)) },
      order: { position: 'ASC' },
    });
    const quizzes: AuthoringQuiz[] = content.quizzes.map((q) => ({
      ...quizOutline(q),
      shuffle: q.shuffle,
      questions: questions
        .filter((x) => x.quizId === q.id)
        .map((x) => ({
          id: x.id,
          type: x.type,
          text: x.text,
          explanation: x.explanation,
          image: x.imageKey ? { key: x.imageKey, alt: x.imageAlt ?? '' } : null,
          ignoreCase: x.ignoreCase,
          ignoreDiacritics: x.ignoreDiacritics,
          position: x.position,
          options: options
            .filter((o) => o.questionId === x.id)
            .map((o) => ({
              id: o.id,
              text: o.text,
              correct: o.correct,
              position: o.position,
              match: o.match,
              tolerance: o.tolerance,
              image: o.imageKey ? { key: o.imageKey, alt: o.imageAlt ?? '' } : null,
            })),
        })),
    }));
    const lesson = (l: LessonEntity): AuthoringLesson => ({
      id: l.id,
      moduleId: l.moduleId,
      title: l.title,
      kind: l.kind,
      durationMinutes: l.durationMinutes,
      minSeconds: l.minSeconds,
      position: l.position,
      content: l.content,
      videoUrl: l.videoUrl,
      fileName: l.fileName,
      fileMime: l.fileMime,
      hasFile: l.fileKey !== null,
    });
    return {
      ...(await this.header(m, course, content.version, true)),
      versionNumber: content.version.version,
      versionStatus: content.version.status,
      modules: content.modules.map((mod) => ({
        id: mod.id,
        title: mod.title,
        position: mod.position,
        lessons: content.lessons.filter((l) => l.moduleId === mod.id).map(lesson),
      })),
      quizzes,
      totalMinutes: content.lessons.reduce((sum, l) => sum + l.durationMinutes, 0),
    };
  }

  private async header(
    m: EntityManager,
    course: CourseRow,
    version: CourseVersionEntity,
    editor: boolean,
  ) {
    const draftVersion =
      editor && course.draftVersionId
        ? (await m.findOneByOrFail(CourseVersionEntity, { id: course.draftVersionId })).version
        : null;
    return {
      id: course.id,
      code: course.code,
      status: course.status,
      versionId: version.id,
      sequentialLessons: version.sequentialLessons,
      version: version.version,
      draftVersion,
      title: version.title,
      description: version.description,
      hours: version.hours,
      ownerOrgUnitId: course.ownerOrgUnitId,
      ownerOrgUnitName: course.ownerOrgUnitName,
      publishedAt: version.publishedAt?.toISOString() ?? null,
    };
  }

  private async content(m: EntityManager, versionId: string): Promise<VersionContent> {
    const [version, modules, lessons, quizzes, counts] = await Promise.all([
      m.findOneByOrFail(CourseVersionEntity, { id: versionId }),
      m.find(CourseModuleEntity, {
        where: { courseVersionId: versionId },
        order: { position: 'ASC' },
      }),
      m.find(LessonEntity, { where: { courseVersionId: versionId }, order: { position: 'ASC' } }),
      m
        .createQueryBuilder(QuizEntity, 'q')
        .leftJoin(CourseModuleEntity, 'mod', 'mod.id = q.moduleId')
        .where('q.courseVersionId = :versionId', { versionId })
        // Practice quizzes in module order, the final quiz last.
        .orderBy(`q.kind = 'final'`, 'ASC')
        .addOrderBy('mod.position', 'ASC', 'NULLS LAST')
        .addOrderBy('q.title', 'ASC')
        .getMany(),
      m.query(
        `SELECT x.quiz_id AS "quizId", count(*)::int AS n
           FROM question x JOIN quiz q ON q.id = x.quiz_id
          WHERE q.course_version_id = $1 GROUP BY x.quiz_id`,
        [versionId],
      ) as Promise<{ quizId: string; n: number }[]>,
    ]);
    const countOf = new Map(counts.map((c) => [c.quizId, c.n]));
    // Questions drawn from bank categories count too (the quizzes feature knows them).
    const fromBanks = await bankDrawCounts(
      m,
      quizzes.map((q) => q.id),
    );
    return {
      version,
      modules,
      lessons,
      quizzes: quizzes.map((q) =>
        Object.assign(q, { questionCount: (countOf.get(q.id) ?? 0) + (fromBanks.get(q.id) ?? 0) }),
      ),
    };
  }
}

function quizOutline(q: QuizEntity & { questionCount: number }): QuizOutline {
  return {
    id: q.id,
    title: q.title,
    kind: q.kind,
    moduleId: q.moduleId,
    passingScore: q.passingScore,
    timeLimitSeconds: q.timeLimitSeconds,
    maxAttempts: q.maxAttempts,
    questionsPerAttempt: q.questionsPerAttempt,
    questionCount: q.questionCount,
    reviewPolicy: q.reviewPolicy,
  };
}
