import { QuestionBankEntity, QuestionCategoryEntity, QuizDrawRuleEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

/** Rows written in bulk by tools that build whole catalogs (the demo seed), in their transaction. */
export interface BankRows {
  bank: { id: string; ownerOrgUnitId: string; title: string };
  categories: { id: string; bankId: string; name: string }[];
}

export interface DrawRuleRow {
  quizId: string;
  categoryId: string;
  count: number;
}

/** A bank and its categories: before its questions (they reference both). */
export async function insertBankRows(tx: EntityManager, rows: BankRows): Promise<void> {
  await tx.insert(QuestionBankEntity, rows.bank);
  if (rows.categories.length) await tx.insert(QuestionCategoryEntity, rows.categories);
}

/** Draw rules: after the quizzes and categories they join. */
export async function insertDrawRules(tx: EntityManager, rules: DrawRuleRow[]): Promise<void> {
  if (rules.length) await tx.insert(QuizDrawRuleEntity, rules);
}
