import type {
  BankExportQuery,
  BankImportQuery,
  BankQuestionSaved,
  CreatedId,
  CreateQuestionBankBody,
  CreateQuestionCategoryBody,
  QuestionBankResponse,
  QuestionBankSummary,
  QuestionImportResult,
  QuizDrawRuleBody,
  QuizDrawRulesBody,
  QuizDrawRuleView,
  RenameQuestionBankBody,
} from '@dx/contracts';
import { api } from '../api/client';
import type { QuestionInput } from '../authoring/api';

export interface BankQuestionInput extends QuestionInput {
  categoryId: string;
  tags?: string[];
}

export const bankKeys = {
  all: ['banks'] as const,
  list: () => ['banks', 'list'] as const,
  bank: (bankId: string) => ['banks', 'bank', bankId] as const,
  drawRules: (quizId: string) => ['banks', 'draw-rules', quizId] as const,
};

export const fetchBanks = (signal?: AbortSignal) =>
  api.get<QuestionBankSummary[]>('/question-banks', { signal });

export const createBank = (title: string) =>
  api.post<CreatedId>('/question-banks', { title } satisfies CreateQuestionBankBody);

export const fetchBank = (bankId: string, signal?: AbortSignal) =>
  api.get<QuestionBankResponse>('/question-banks/{id}', { path: { id: bankId }, signal });

export const renameBank = (bankId: string, title: string) =>
  api.patch<void>('/question-banks/{id}', { title } satisfies RenameQuestionBankBody, {
    path: { id: bankId },
  });

/** Refused (409 question_bank_in_use) while a draw rule or a question uses it. */
export const deleteBank = (bankId: string) =>
  api.delete('/question-banks/{id}', { path: { id: bankId } });

/** The current questions as the XLSX import template or Moodle GIFT text. */
export const exportBank = (bankId: string, format: 'xlsx' | 'gift') =>
  api.file('/question-banks/{id}/export', {
    path: { id: bankId },
    query: { format } satisfies BankExportQuery,
  });

export const renameCategory = (categoryId: string, name: string) =>
  api.patch<void>('/question-categories/{id}', { name } satisfies CreateQuestionCategoryBody, {
    path: { id: categoryId },
  });

export const deleteCategory = (categoryId: string) =>
  api.delete('/question-categories/{id}', { path: { id: categoryId } });

export const addCategory = (bankId: string, name: string) =>
  api.post<CreatedId>(
    '/question-banks/{id}/categories',
    { name } satisfies CreateQuestionCategoryBody,
    { path: { id: bankId } },
  );

export const addBankQuestion = (bankId: string, input: BankQuestionInput) =>
  api.post<BankQuestionSaved>('/question-banks/{id}/questions', input, { path: { id: bankId } });

/** Saves a new version; attempts that drew the old one keep it. */
export const updateBankQuestion = (questionId: string, input: BankQuestionInput) =>
  api.put<BankQuestionSaved>('/bank-questions/{id}', input, { path: { id: questionId } });

export const retireBankQuestion = (questionId: string) =>
  api.delete('/bank-questions/{id}', { path: { id: questionId } });

/** XLSX template (with a `category` column) or GIFT with `$CATEGORY:` lines. */
export function importIntoBank(bankId: string, file: File, categoryId?: string) {
  const form = new FormData();
  form.append('file', file);
  return api.post<QuestionImportResult>('/question-banks/{id}/import', form, {
    path: { id: bankId },
    query: { categoryId } satisfies BankImportQuery,
  });
}

export const fetchDrawRules = (quizId: string, signal?: AbortSignal) =>
  api.get<QuizDrawRuleView[]>('/quizzes/{id}/draw-rules', { path: { id: quizId }, signal });

export const saveDrawRules = (quizId: string, rules: QuizDrawRuleBody[]) =>
  api.put<QuizDrawRuleView[]>('/quizzes/{id}/draw-rules', { rules } satisfies QuizDrawRulesBody, {
    path: { id: quizId },
  });
