import type { QuestionImportResult } from '@dx/contracts';
import { QuestionCategoryEntity, QuestionEntity, QuestionOptionEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuthUser } from '../../auth/auth-user';
import { InvalidInputException } from '../../http/invalid-input';
import type { ImportUpload } from '../../users/import/user-sheet.reader';
import type { ImportedQuestion } from '../question-import/question-row';
import { readValidQuestions, sameContent } from '../question-import/valid-questions';
import { QuestionBanksService } from './question-banks.service';

/**
 * Questions into a bank from the XLSX template or GIFT, all or nothing. Each row goes to the
 * category its `category` column (GIFT: `$CATEGORY:`) names, created when missing, or else to
 * the `categoryId` of the request. A row whose externalId the bank holds makes a new version
 * of that question when its content changed; the same file twice changes nothing.
 */
@Injectable()
export class BankImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly banks: QuestionBanksService,
  ) {}

  async import(
    user: AuthUser,
    bankId: string,
    file: ImportUpload | undefined,
    categoryId: string | undefined,
  ): Promise<QuestionImportResult> {
    // Scope first: an outsider learns nothing about the file's rows.
    await this.banks.bankFor(this.db.manager, user, bankId);
    const questions = await readValidQuestions(file);
    const homeless = questions.filter((q) => !q.category && !categoryId);
    if (homeless.length) {
      throw new InvalidInputException(
        homeless.map((q) => ({
          field: `rows.${q.row}.category`,
          message: 'name a category in the row or choose one for the import',
        })),
        `Nothing imported: fix row(s) ${homeless.map((q) => q.row).join(', ')}`,
      );
    }
    return this.db.transaction(async (tx) => {
      const bank = await this.banks.bankFor(tx, user, bankId, true);
      if (categoryId) await this.banks.requireCategory(tx, bank.id, categoryId);
      const categoryOf = await this.categories(tx, bank.id, questions);
      const existing = await this.byExternalId(tx, bank.id, questions);
      const result: QuestionImportResult = { created: 0, updated: 0, unchanged: 0 };
      for (const q of questions) {
        const content = {
          ...q,
          categoryId: q.category ? (categoryOf.get(q.category) as string) : (categoryId as string),
        };
        const found = q.externalId === null ? undefined : existing.get(q.externalId);
        if (!found) {
          await this.banks.insertVersion(tx, bank.id, content, { key: randomUUID(), version: 1 });
          result.created++;
        } else if (
          sameContent(found, q) &&
          found.question.categoryId === content.categoryId &&
          sameTags(found.question.tags, q.tags)
        ) {
          result.unchanged++;
        } else {
          await this.banks.replaceVersion(tx, found.question, content);
          result.updated++;
        }
      }
      return result;
    });
  }

  /** Category ids by the names rows give, creating the missing ones. */
  private async categories(
    tx: EntityManager,
    bankId: string,
    questions: ImportedQuestion[],
  ): Promise<Map<string, string>> {
    const names = [...new Set(questions.flatMap((q) => (q.category ? [q.category] : [])))];
    const ids = new Map<string, string>();
    if (!names.length) return ids;
    const found = await tx.findBy(QuestionCategoryEntity, { bankId, name: In(names) });
    for (const c of found) ids.set(c.name, c.id);
    const missing = names.filter((n) => !ids.has(n));
    if (missing.length) {
      const rows = missing.map((name) => ({ id: randomUUID(), bankId, name }));
      await tx.insert(QuestionCategoryEntity, rows);
      for (const r of rows) ids.set(r.name, r.id);
    }
    return ids;
  }

  private async byExternalId(tx: EntityManager, bankId: string, questions: ImportedQuestion[]) {
    const ids = questions.flatMap((q) => (q.externalId === null ? [] : [q.externalId]));
    const found = new Map<string, { question: QuestionEntity; options: QuestionOptionEntity[] }>();
    if (!ids.length) return found;
    const rows = await tx.findBy(QuestionEntity, {
      bankId,
      externalId: In(ids),
      retiredAt: IsNull(),
    });
    const options = rows.length
      ? await tx.find(QuestionOptionEntity, {
          where: { questionId: In(rows.map((r) => r.id)) },
          order: { position: 'ASC' },
        })
      : [];
    for (const question of rows) {
      found.set(String(question.externalId), {
        question,
        options: options.filter((o) => o.questionId === question.id),
      });
    }
    return found;
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
