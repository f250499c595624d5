import { defaultReviewPolicy, type QuestionType } from '@dx/contracts';
import { QuestionEntity, QuestionOptionEntity, QuizEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DrawRuleRow, insertBankRows, insertDrawRules } from '../banks/bank-rows';

/**
 * One question of a demo quiz: options as [text, correct]. Ordering lists them in the right
 * order, short answer and numeric list the accepted answers (all `true`).
 */
export interface DemoQuestion {
  type: QuestionType;
  text: string;
  options: [string, boolean][];
  explanation: string;
  /** Matching: the right-hand text of each option, in the same order. */
  matches?: string[];
  /** Numeric: accepted distance from each value. */
  tolerance?: number;
  /** Short answer: accept an answer typed without diacritics. */
  ignoreDiacritics?: boolean;
}

export interface DemoQuiz {
  title: string;
  passingScore: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number | null;
  questions: DemoQuestion[];
}

/** The quizzes of a demo catalog and the one question bank its finals draw from. */
export interface DemoQuizzesSpec {
  bank: { ownerOrgUnitId: string; title: string; commonCategory: string };
  /** Each final draws this many from its course's category and from the common one. */
  finalDraw: { own: number; common: number };
  courses: {
    versionId: string;
    /** Names the course's category in the bank. */
    title: string;
    /** In outline order; a module may end with a practice quiz. */
    modules: { moduleId: string; practice?: DemoQuiz }[];
    final: DemoQuiz;
  }[];
}

type Rows<T> = QueryDeepPartialEntity<T>[];

/**
 * Writes the demo quizzes with one INSERT per table, in the caller's transaction, after the
 * courses they belong to. Practice quizzes hold their questions, and copies go to the bank's
 * common category; each final holds none: its questions form the course's category, and it
 * draws `finalDraw.own` of them and `finalDraw.common` of the common ones (issue #16), so
 * an attempt cannot be copied from a neighbour's.
 */
export async function insertDemoQuizzes(tx: EntityManager, spec: DemoQuizzesSpec): Promise<void> {
  const quizzes: Rows<QuizEntity> = [];
  const questions: Rows<QuestionEntity> = [];
  const options: Rows<QuestionOptionEntity> = [];
  const bankId = randomUUID();
  const commonId = randomUUID();
  const categories = [{ id: commonId, bankId, name: spec.bank.commonCategory }];
  const drawRules: DrawRuleRow[] = [];

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
    const { questions: held, ...settings } = q;
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
    held.forEach((question, i) => pushQuestion(question, i + 1, { quizId }));
    return quizId;
  };

  for (const c of spec.courses) {
    for (const m of c.modules) {
      if (!m.practice) continue;
      addQuiz(c.versionId, m.moduleId, 'practice', m.practice);
      // Copies in the bank's common category: every final may draw them.
      m.practice.questions.forEach((question) =>
        pushQuestion(question, questions.length + 1, { categoryId: commonId }),
      );
    }
    const categoryId = randomUUID();
    categories.push({ id: categoryId, bankId, name: c.title });
    const finalId = addQuiz(c.versionId, null, 'final', {
      ...c.final,
      questionsPerAttempt: null,
      questions: [],
    });
    c.final.questions.forEach((question, i) => pushQuestion(question, i + 1, { categoryId }));
    drawRules.push(
      { quizId: finalId, categoryId, count: spec.finalDraw.own },
      { quizId: finalId, categoryId: commonId, count: spec.finalDraw.common },
    );
  }

  await insertBankRows(tx, {
    bank: { id: bankId, ownerOrgUnitId: spec.bank.ownerOrgUnitId, title: spec.bank.title },
    categories,
  });
  await tx.insert(QuizEntity, quizzes);
  await tx.insert(QuestionEntity, questions);
  await tx.insert(QuestionOptionEntity, options);
  await insertDrawRules(tx, drawRules);
}
