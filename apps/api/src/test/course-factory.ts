import {
  defaultReviewPolicy,
  type LessonKind,
  type QuestionType,
  type ReviewPolicy,
} from '@dx/contracts';
import {
  CourseEntity,
  CourseModuleEntity,
  CourseVersionEntity,
  LessonEntity,
  OrgUnitEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuizEntity,
} from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface QuestionSpec {
  type?: QuestionType;
  text?: string;
  /** Option texts with their correctness; default: two options, the first correct. */
  options?: { text: string; correct: boolean; match?: string; tolerance?: number }[];
  explanation?: string;
  ignoreCase?: boolean;
  ignoreDiacritics?: boolean;
}

export interface QuizSpec {
  kind?: 'practice' | 'final';
  passingScore?: number;
  timeLimitSeconds?: number | null;
  maxAttempts?: number | null;
  questionsPerAttempt?: number | null;
  shuffle?: boolean;
  /** Default: the API's default for the kind (final: after_passing). */
  reviewPolicy?: ReviewPolicy;
  questions?: QuestionSpec[];
}

export interface CourseSpec {
  owner: OrgUnitEntity;
  title?: string;
  description?: string;
  hours?: number;
  /** Lessons per module, e.g. [2, 1] = two modules with 2 and 1 lessons. */
  modules?: number[];
  quizzes?: QuizSpec[];
  published?: boolean;
}

export interface BuiltCourse {
  course: CourseEntity;
  version: CourseVersionEntity;
  modules: CourseModuleEntity[];
  lessons: LessonEntity[];
  quizzes: {
    quiz: QuizEntity;
    questions: { question: QuestionEntity; options: QuestionOptionEntity[] }[];
  }[];
}

/**
 * Builds a course straight in the database (published unless told otherwise), for specs
 * of learning, quizzes and certificates that need one without going through authoring.
 */
export async function buildCourse(db: DataSource, spec: CourseSpec): Promise<BuiltCourse> {
  return db.transaction(async (tx) => {
    const published = spec.published ?? true;
    const course = await tx.save(
      tx.create(CourseEntity, {
        code: `C-${randomSuffix().toUpperCase()}`,
        ownerOrgUnitId: spec.owner.id,
        status: published ? 'published' : 'draft',
      }),
    );
    const title = spec.title ?? 'Khóa học thử nghiệm chuyển đổi số';
    const version = await tx.save(
      tx.create(CourseVersionEntity, {
        courseId: course.id,
        version: 1,
        status: published ? 'published' : 'draft',
        title,
        description: spec.description ?? '',
        hours: spec.hours ?? 4,
        searchText: title,
        publishedAt: published ? new Date() : null,
      }),
    );
    course.publishedVersionId = published ? version.id : null;
    course.draftVersionId = published ? null : version.id;
    await tx.save(course);

    const modules: CourseModuleEntity[] = [];
    const lessons: LessonEntity[] = [];
    for (const [m, lessonCount] of (spec.modules ?? [2]).entries()) {
      const mod = await tx.save(
        tx.create(CourseModuleEntity, {
          courseVersionId: version.id,
          key: randomUUID(),
          position: m + 1,
          title: `Chương ${m + 1}`,
        }),
      );
      modules.push(mod);
      for (let l = 0; l < lessonCount; l++) {
        lessons.push(
          await tx.save(
            tx.create(LessonEntity, {
              moduleId: mod.id,
              courseVersionId: version.id,
              key: randomUUID(),
              position: l + 1,
              title: `Bài ${m + 1}.${l + 1}`,
              kind: 'text' as LessonKind,
              content: `# Bài ${m + 1}.${l + 1}\n\nNội dung **chuyển đổi số**.`,
              durationMinutes: 10,
            }),
          ),
        );
      }
    }

    const quizzes: BuiltCourse['quizzes'] = [];
    for (const q of spec.quizzes ?? []) {
      const quiz = await tx.save(
        tx.create(QuizEntity, {
          courseVersionId: version.id,
          key: randomUUID(),
          title: q.kind === 'practice' ? 'Bài tự kiểm tra' : 'Bài kiểm tra cuối khóa',
          kind: q.kind ?? 'final',
          passingScore: q.passingScore ?? 50,
          timeLimitSeconds: q.timeLimitSeconds ?? null,
          maxAttempts: q.maxAttempts ?? null,
          questionsPerAttempt: q.questionsPerAttempt ?? null,
          shuffle: q.shuffle ?? true,
          reviewPolicy: q.reviewPolicy ?? defaultReviewPolicy(q.kind ?? 'final'),
        }),
      );
      const questions: BuiltCourse['quizzes'][number]['questions'] = [];
      for (const [i, qs] of (q.questions ?? [{}, {}]).entries()) {
        const question = await tx.save(
          tx.create(QuestionEntity, {
            quizId: quiz.id,
            key: randomUUID(),
            position: i + 1,
            type: qs.type ?? 'single',
            text: qs.text ?? `Câu hỏi ${i + 1}?`,
            explanation: qs.explanation ?? `Giải thích câu ${i + 1}`,
            ignoreCase: qs.ignoreCase ?? true,
            ignoreDiacritics: qs.ignoreDiacritics ?? false,
          }),
        );
        const optionSpecs = qs.options ?? [
          { text: 'Đúng', correct: true },
          { text: 'Sai', correct: false },
        ];
        const options = await tx.save(
          optionSpecs.map((o, position) =>
            tx.create(QuestionOptionEntity, {
              questionId: question.id,
              position: position + 1,
              ...o,
            }),
          ),
        );
        questions.push({ question, options });
      }
      quizzes.push({ quiz, questions });
    }
    return { course, version, modules, lessons, quizzes };
  });
}
