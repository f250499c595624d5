import type {
  AuthoringLesson,
  AuthoringQuiz,
  CourseDraft,
  CourseOutline,
  LessonOutline,
  QuizOutline,
} from '@dx/contracts';
import { CourseModuleEntity, CourseVersionEntity, LessonEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  authoringQuestions,
  quizzesOfVersion,
  QuizWithCount,
} from '../quizzes/quiz-content.repository';
import { AuthUser } from '../auth/auth-user';
import { CourseAccessService, courseNotFound, CourseRow } from './course-access.service';

interface VersionContent {
  version: CourseVersionEntity;
  modules: CourseModuleEntity[];
  lessons: LessonEntity[];
  quizzes: QuizWithCount[];
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
    const questions = await authoringQuestions(
      m,
      content.quizzes.map((q) => q.id),
    );
    const quizzes: AuthoringQuiz[] = content.quizzes.map((q) => ({
      ...quizOutline(q),
      shuffle: q.shuffle,
      questions: questions.get(q.id) ?? [],
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
    const [version, modules, lessons, quizzes] = await Promise.all([
      m.findOneByOrFail(CourseVersionEntity, { id: versionId }),
      m.find(CourseModuleEntity, {
        where: { courseVersionId: versionId },
        order: { position: 'ASC' },
      }),
      m.find(LessonEntity, { where: { courseVersionId: versionId }, order: { position: 'ASC' } }),
      quizzesOfVersion(m, versionId),
    ]);
    return { version, modules, lessons, quizzes: inModuleOrder(quizzes, modules) };
  }
}

/**
 * Practice quizzes in module order (those of no module after), the final quiz last. A stable
 * sort of the quizzes feature's order (final last, then title): ties keep the title order.
 */
function inModuleOrder(quizzes: QuizWithCount[], modules: CourseModuleEntity[]): QuizWithCount[] {
  const positionOf = new Map(modules.map((mod) => [mod.id, mod.position]));
  const rank = (q: QuizWithCount): [number, number] => [
    q.kind === 'final' ? 1 : 0,
    (q.moduleId && positionOf.get(q.moduleId)) || Number.POSITIVE_INFINITY,
  ];
  return [...quizzes].sort((a, b) => {
    const [ka, pa] = rank(a);
    const [kb, pb] = rank(b);
    // Infinity - Infinity is NaN: two quizzes without a module keep their order.
    return ka - kb || (pa === pb ? 0 : pa - pb);
  });
}

function quizOutline(q: QuizWithCount): QuizOutline {
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
