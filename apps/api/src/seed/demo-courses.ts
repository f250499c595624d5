import { defaultReviewPolicy } from '@dx/contracts';
import {
  CourseEntity,
  CourseModuleEntity,
  CourseVersionEntity,
  LessonEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuizEntity,
} from '@dx/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { courseSearchText } from '../courses/course-summary';
import { DrawRuleRow, insertBankRows, insertDrawRules } from '../quizzes/banks/bank-rows';
import { AN_TOAN_THONG_TIN } from './demo-courses/an-toan-thong-tin.data';
import { CHINH_PHU_SO } from './demo-courses/chinh-phu-so.data';
import { CHUYEN_DOI_SO_CO_BAN } from './demo-courses/chuyen-doi-so-co-ban.data';
import type { DemoCourse, DemoQuestion, DemoQuiz } from './demo-courses/demo-course.types';
import { DU_LIEU_SO } from './demo-courses/du-lieu-so.data';
import { KY_NANG_SO } from './demo-courses/ky-nang-so.data';
import type { DemoSeedContext } from './demo-seed.step';

export const DEMO_COURSES: readonly DemoCourse[] = [
  CHUYEN_DOI_SO_CO_BAN,
  CHINH_PHU_SO,
  DU_LIEU_SO,
  AN_TOAN_THONG_TIN,
  KY_NANG_SO,
];

type Rows<T> = QueryDeepPartialEntity<T>[];

export const DEMO_BANK_TITLE = 'Ngân hàng câu hỏi bồi dưỡng chuyển đổi số';
export const DEMO_COMMON_CATEGORY = 'Kiến thức chung (câu hỏi ôn tập)';
/** Each final draws this many from its course's category and from the common one. */
export const DEMO_FINAL_DRAW = { own: 3, common: 2 } as const;

/**
 * The demo catalog: five published courses (version 1) with modules, markdown lessons, a
 * final quiz each and practice quizzes on some, in Vietnamese. Four belong to the root
 * unit (every demo learner sees them) and are issued by the Ministry's training
 * institution, one belongs to Hà Nội. Rows are built in memory and
 * written with one INSERT per table. Returns course ids by code.
 *
 * The finals draw from the root unit's question bank (issue #16): each course's final
 * questions form a category of their own, the practice questions of every course a common
 * one; a final draws 3 + 2, so an attempt shows 5 of at least 17 and cannot be copied.
 */
export async function seedDemoCourses(
  tx: EntityManager,
  ctx: Pick<DemoSeedContext, 'units' | 'users'>,
): Promise<Map<string, string>> {
  const courses: Rows<CourseEntity> = [];
  const versions: Rows<CourseVersionEntity> = [];
  const modules: Rows<CourseModuleEntity> = [];
  const lessons: Rows<LessonEntity> = [];
  const quizzes: Rows<QuizEntity> = [];
  const questions: Rows<QuestionEntity> = [];
  const options: Rows<QuestionOptionEntity> = [];
  const ids = new Map<string, string>();
  const root = ctx.units.get('VN');
  if (!root) throw new Error('Demo courses: no root unit VN');
  const bankId = randomUUID();
  const categories: { id: string; bankId: string; name: string }[] = [];
  const drawRules: DrawRuleRow[] = [];
  const commonId = randomUUID();
  categories.push({ id: commonId, bankId, name: DEMO_COMMON_CATEGORY });

  const pushQuestion = (
    question: DemoQuestion,
    position: number,
    owner: { quizId: string } | { categoryId: string },
  ) => {
    const questionId = randomUUID();
    questions.push({
      id: questionId,
      ...('quizId' in owner ? { quizId: owner.quizId } : { bankId, categoryId: owner.categoryId }),
      key: randomUUID(),
      position,
      type: question.type,
      text: question.text,
      explanation: question.explanation,
      ignoreDiacritics: question.ignoreDiacritics ?? false,
    });
    question.options.forEach(([text, correct], j) =>
      options.push({
        questionId,
        position: j + 1,
        text,
        correct,
        match: question.matches?.[j] ?? null,
        tolerance: question.tolerance ?? null,
      }),
    );
  };

  const addQuiz = (
    versionId: string,
    moduleId: string | null,
    kind: 'practice' | 'final',
    q: DemoQuiz,
  ) => {
    const quizId = randomUUID();
    const { questions: bank, ...settings } = q;
    quizzes.push({
      id: quizId,
      courseVersionId: versionId,
      moduleId,
      key: randomUUID(),
      kind,
      shuffle: true,
      // Finals certify: their answers show only once passed (practice: at once).
      reviewPolicy: defaultReviewPolicy(kind),
      ...settings,
    });
    bank.forEach((question, i) => pushQuestion(question, i + 1, { quizId }));
    return quizId;
  };

  for (const c of DEMO_COURSES) {
    const owner = ctx.units.get(c.ownerCode);
    const issuer = c.issuerCode ? ctx.units.get(c.issuerCode) : owner;
    if (!owner || !issuer) throw new Error(`Demo course ${c.code}: a unit is missing`);
    const courseId = randomUUID();
    const versionId = randomUUID();
    const publishedAt = new Date(Date.now() - c.publishedDaysAgo * 86_400_000);
    ids.set(c.code, courseId);
    courses.push({
      id: courseId,
      code: c.code,
      ownerOrgUnitId: owner.id,
      issuerOrgUnitId: issuer === owner ? null : issuer.id,
      status: 'published',
      publishedVersionId: versionId,
      draftVersionId: null,
      createdBy: ctx.users.get(c.author) ?? null,
      createdAt: publishedAt,
    });
    versions.push({
      id: versionId,
      courseId,
      version: 1,
      status: 'published',
      title: c.title,
      description: c.description,
      hours: c.hours,
      sequentialLessons: c.sequentialLessons ?? false,
      searchText: courseSearchText(c.code, c.title, c.description),
      publishedAt,
      createdAt: publishedAt,
    });
    c.modules.forEach((m, i) => {
      const moduleId = randomUUID();
      modules.push({
        id: moduleId,
        courseVersionId: versionId,
        key: randomUUID(),
        position: i + 1,
        title: m.title,
      });
      m.lessons.forEach((l, j) =>
        lessons.push({
          moduleId,
          courseVersionId: versionId,
          key: randomUUID(),
          position: j + 1,
          title: l.title,
          kind: 'text',
          content: l.content,
          durationMinutes: l.minutes,
          minSeconds: l.minSeconds ?? 0,
        }),
      );
      if (m.practice) {
        addQuiz(versionId, moduleId, 'practice', m.practice);
        // Copies in the bank's common category: every final may draw them.
        m.practice.questions.forEach((question) =>
          pushQuestion(question, questions.length + 1, { categoryId: commonId }),
        );
      }
    });
    // The final's questions live in the bank, in a category of the course.
    const categoryId = randomUUID();
    categories.push({ id: categoryId, bankId, name: c.title });
    const finalId = addQuiz(versionId, null, 'final', {
      ...c.final,
      questionsPerAttempt: null,
      questions: [],
    });
    c.final.questions.forEach((question, i) => pushQuestion(question, i + 1, { categoryId }));
    drawRules.push(
      { quizId: finalId, categoryId, count: DEMO_FINAL_DRAW.own },
      { quizId: finalId, categoryId: commonId, count: DEMO_FINAL_DRAW.common },
    );
  }

  await tx.insert(CourseEntity, courses);
  await tx.insert(CourseVersionEntity, versions);
  await tx.insert(CourseModuleEntity, modules);
  await tx.insert(LessonEntity, lessons);
  await insertBankRows(tx, {
    bank: { id: bankId, ownerOrgUnitId: root.id, title: DEMO_BANK_TITLE },
    categories,
  });
  await tx.insert(QuizEntity, quizzes);
  await tx.insert(QuestionEntity, questions);
  await tx.insert(QuestionOptionEntity, options);
  await insertDrawRules(tx, drawRules);
  return ids;
}
