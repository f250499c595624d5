import { QuestionBankEntity, QuestionCategoryEntity } from '@dx/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../auth/auth-user';
import { invalidField } from '../../http/invalid-input';
import { QuestionBanksService } from './question-banks.service';

/** What a bank or category holds that forbids deleting it. `where` selects categories (alias c). */
const USE_SQL = (where: string) => `
SELECT (SELECT count(*)::int FROM quiz_draw_rule r JOIN question_category c ON c.id = r.category_id
         WHERE ${where}) AS "drawRules",
       (SELECT count(*)::int FROM question x JOIN question_category c ON c.id = x.category_id
         WHERE ${where} AND x.retired_at IS NULL) AS questions,
       (SELECT coalesce(array_agg(x.id), '{}') FROM question x JOIN question_category c ON c.id = x.category_id
         WHERE ${where} AND x.retired_at IS NOT NULL) AS retired`;

/**
 * Earlier versions that an attempt drew: an attempt shows and grades exactly the version it
 * drew, so those rows stay. One pass over the attempts (deleting a bank is rare; no index on
 * the drawn ids is worth its upkeep on every quiz start).
 */
const DRAWN_OF_SQL = `
SELECT count(DISTINCT d->>'questionId')::int AS n
  FROM quiz_attempt a CROSS JOIN LATERAL jsonb_array_elements(a.drawn) d
 WHERE d->>'questionId' = ANY ($1::text[])`;

interface Use {
  drawRules: number;
  questions: number;
  retired: string[];
}

/** Renaming and deleting banks and categories (trainers whose scope holds the owner unit). */
@Injectable()
export class BankAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly banks: QuestionBanksService,
  ) {}

  async renameBank(user: AuthUser, bankId: string, title: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const bank = await this.banks.bankFor(tx, user, bankId, true);
      await tx.update(QuestionBankEntity, { id: bank.id }, { title });
    });
  }

  async renameCategory(user: AuthUser, categoryId: string, name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const category = await this.categoryFor(tx, user, categoryId);
      const taken = await tx.query(
        'SELECT 1 FROM question_category WHERE bank_id = $1 AND name = $2 AND id <> $3',
        [category.bankId, name, category.id],
      );
      if (taken.length) {
        throw invalidField('name', 'the bank already has a category of this name', 'already_used');
      }
      await tx.update(QuestionCategoryEntity, { id: category.id }, { name });
    });
  }

  /** 409 `question_bank_in_use` while a draw rule or a current question needs it. */
  async deleteBank(user: AuthUser, bankId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const bank = await this.banks.bankFor(tx, user, bankId, true);
      await this.removeUnused(tx, 'question_bank_in_use', 'c.bank_id = $1', bank.id);
      await tx.delete(QuestionBankEntity, { id: bank.id });
    });
  }

  /** 409 `question_category_in_use` while a draw rule or a current question needs it. */
  async deleteCategory(user: AuthUser, categoryId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const category = await this.categoryFor(tx, user, categoryId);
      await this.removeUnused(tx, 'question_category_in_use', 'c.id = $1', category.id);
      await tx.delete(QuestionCategoryEntity, { id: category.id });
    });
  }

  /**
   * Refuses while anything uses the categories `where` selects; otherwise deletes their
   * retired versions (none drawn by an attempt, else 409 `question_history_kept`).
   */
  private async removeUnused(
    tx: EntityManager,
    code: 'question_bank_in_use' | 'question_category_in_use',
    where: string,
    id: string,
  ): Promise<void> {
    const [use]: Use[] = await tx.query(USE_SQL(where), [id]);
    if (use.drawRules || use.questions) {
      throw new ConflictException({
        code,
        message: `Still used by ${use.drawRules} draw rule(s) and ${use.questions} question(s)`,
        params: { drawRules: use.drawRules, questions: use.questions },
        errors: [],
      });
    }
    if (!use.retired.length) return;
    const [{ n }] = await tx.query(DRAWN_OF_SQL, [use.retired]);
    if (n > 0) {
      throw new ConflictException({
        code: 'question_history_kept',
        message: `${n} earlier question version(s) are kept for the attempts that drew them`,
        params: { versions: n },
        errors: [],
      });
    }
    await tx.query('DELETE FROM question WHERE id = ANY ($1::uuid[])', [use.retired]);
  }

  /** The category, its bank locked; 404 outside the caller's scope. */
  private async categoryFor(
    tx: EntityManager,
    user: AuthUser,
    categoryId: string,
  ): Promise<QuestionCategoryEntity> {
    const category = await tx.findOneBy(QuestionCategoryEntity, { id: categoryId });
    if (!category) throw new NotFoundException('Question category not found');
    await this.banks.bankFor(tx, user, category.bankId, true).catch(() => {
      throw new NotFoundException('Question category not found');
    });
    return category;
  }
}
