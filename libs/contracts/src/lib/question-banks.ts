// Question banks (issue #16): questions a unit keeps for reuse, grouped in categories;
// a quiz draws a set number of questions from each category it names.
import type { QuestionOptionBody, CreateQuestionBody } from './course-authoring';
import type { QuestionType } from './courses';

/** POST /api/question-banks */
export interface CreateQuestionBankBody {
  title: string;
  /** Default: the caller's own unit. Must be inside the caller's scope. */
  ownerOrgUnitId?: string;
}

/** GET /api/question-banks (banks owned inside the caller's scope) */
export interface QuestionBankSummary {
  id: string;
  title: string;
  ownerOrgUnitId: string;
  categories: number;
  /** Current questions (the latest version of each). */
  questions: number;
}

export interface QuestionCategoryView {
  id: string;
  name: string;
  /** Current questions of the category: what a quiz can draw from. */
  questions: number;
}

/** A bank question's current version, with its answers (trainers only). */
export interface BankQuestionView {
  id: string;
  /** The same across versions of one question. */
  key: string;
  version: number;
  categoryId: string;
  type: QuestionType;
  text: string;
  explanation: string | null;
  externalId: string | null;
  tags: string[];
  ignoreCase: boolean;
  ignoreDiacritics: boolean;
  image: { key: string; alt: string } | null;
  options: (QuestionOptionBody & { id: string })[];
}

/** GET /api/question-banks/:id */
export interface QuestionBankResponse {
  id: string;
  title: string;
  ownerOrgUnitId: string;
  categories: QuestionCategoryView[];
  questions: BankQuestionView[];
}

/** PATCH /api/question-banks/:id */
export interface RenameQuestionBankBody {
  title: string;
}

/** POST /api/question-banks/:id/categories and PATCH /api/question-categories/:id (rename) */
export interface CreateQuestionCategoryBody {
  name: string;
}

/** POST /api/question-banks/:id/questions and PUT /api/bank-questions/:id (a new version) */
export interface BankQuestionBody extends CreateQuestionBody {
  categoryId: string;
  tags?: string[];
}

/** The saved version: PUT answers the new version's id (the old one stays for attempts). */
export interface BankQuestionSaved {
  id: string;
  key: string;
  version: number;
}

export interface QuizDrawRuleBody {
  categoryId: string;
  /** Questions drawn from the category for every attempt. */
  count: number;
}

/** PUT /api/quizzes/:id/draw-rules: replaces the quiz's rules (an empty list removes them). */
export interface QuizDrawRulesBody {
  rules: QuizDrawRuleBody[];
}

/** GET/PUT /api/quizzes/:id/draw-rules */
export interface QuizDrawRuleView extends QuizDrawRuleBody {
  categoryName: string;
  bankId: string;
  bankTitle: string;
  /** Current questions the category holds now. */
  available: number;
}

/** `?categoryId=` of a bank import: the category of rows that name none. */
export interface BankImportQuery {
  categoryId?: string;
}

/** `?format=` of a bank export: the XLSX template (default) or Moodle GIFT text. */
export interface BankExportQuery {
  format?: 'xlsx' | 'gift';
}
