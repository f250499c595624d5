import type {
  QuestionImageBody,
  QuestionOptionBody,
  BankQuestionSaved,
  BankQuestionView,
  CreatedId,
  QuestionBankResponse,
  QuestionBankSummary,
} from '@dx/contracts';
import {
  QuestionBankEntity,
  QuestionCategoryEntity,
  QuestionEntity,
  QuestionOptionEntity,
} from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../auth/auth-user';
import { invalidField } from '../../http/invalid-input';
import { OrgScopeService } from '../../org-units/org-scope.service';
import { optionRows, textRuleColumns } from '../../courses/dto/question.dto';
import { imageColumns, requireStoredImages } from '../question-image';
import {
  BankQuestionDto,
  CreateQuestionBankDto,
  CreateQuestionCategoryDto,
} from './question-bank.dto';

export interface BankRow {
  id: string;
  title: string;
  ownerOrgUnitId: string;
}

/** The content of one bank question version, as written by the editor or an import. */
export interface BankQuestionContent {
  categoryId: string;
  type: QuestionEntity['type'];
  text: string;
  explanation?: string | null;
  externalId?: string | null;
  tags?: string[];
  options: QuestionOptionBody[];
  ignoreCase?: boolean;
  ignoreDiacritics?: boolean;
  image?: QuestionImageBody | null;
}

const BANK_QUESTIONS_SQL = `
SELECT x.id, x.key, x.version, x.category_id AS "categoryId", x.type, x.text, x.explanation,
       x.external_id AS "externalId", x.tags, x.ignore_case AS "ignoreCase",
       x.ignore_diacritics AS "ignoreDiacritics",
       CASE WHEN x.image_key IS NOT NULL
            THEN json_build_object('key', x.image_key, 'alt', x.image_alt) END AS image,
       (SELECT coalesce(json_agg(json_strip_nulls(json_build_object('id', o.id, 'text', o.text,
                                   'correct', o.correct, 'match', o.match, 'tolerance', o.tolerance,
                                   'image', CASE WHEN o.image_key IS NOT NULL
                                                 THEN json_build_object('key', o.image_key, 'alt', o.image_alt) END))
                                 ORDER BY o.position), '[]')
          FROM question_option o WHERE o.question_id = x.id) AS options
  FROM question x
 WHERE x.bank_id = $1 AND x.retired_at IS NULL
 ORDER BY x.position, x.id`;

/** Options that say nothing of an image (an import) keep the one of the current option with their text. */
async function keptOptionImages(
  tx: EntityManager,
  currentId: string,
  options: QuestionOptionBody[],
): Promise<QuestionOptionBody[]> {
  if (options.every((o) => o.image !== undefined)) return options;
  const current = await tx.find(QuestionOptionEntity, { where: { questionId: currentId } });
  const imageOf = new Map(
    current.flatMap((o) =>
      o.imageKey ? [[o.text, { key: o.imageKey, alt: o.imageAlt ?? '' }]] : [],
    ),
  );
  return options.map((o) =>
    o.image !== undefined ? o : { ...o, image: imageOf.get(o.text) ?? null },
  );
}

const notFound = () => new NotFoundException('Question bank not found');

/**
 * Question banks of a unit, edited by trainers whose scope holds the owner unit. A bank
 * question is never changed in place: an edit retires the current row and inserts the next
 * version under the same key, so attempts that drew the old row grade and show exactly it.
 */
@Injectable()
export class QuestionBanksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async list(user: AuthUser): Promise<QuestionBankSummary[]> {
    const units = await this.scope.subtreeUnitIds(user);
    return this.db.query(
      `SELECT b.id, b.title, b.owner_org_unit_id AS "ownerOrgUnitId",
              (SELECT count(*)::int FROM question_category c WHERE c.bank_id = b.id) AS categories,
              (SELECT count(*)::int FROM question x WHERE x.bank_id = b.id AND x.retired_at IS NULL) AS questions
         FROM question_bank b
        WHERE $1::uuid[] IS NULL OR b.owner_org_unit_id = ANY ($1)
        ORDER BY b.title, b.id`,
      [units],
    );
  }

  async create(user: AuthUser, dto: CreateQuestionBankDto): Promise<CreatedId> {
    const owner = dto.ownerOrgUnitId
      ? (await this.scope.requireInScope(user, dto.ownerOrgUnitId, 'ownerOrgUnitId')).id
      : user.orgUnitId;
    const id = randomUUID();
    await this.db.manager.insert(QuestionBankEntity, {
      id,
      ownerOrgUnitId: owner,
      title: dto.title,
    });
    return { id };
  }

  async get(user: AuthUser, bankId: string): Promise<QuestionBankResponse> {
    const bank = await this.bankFor(this.db.manager, user, bankId);
    const [categories, questions] = await Promise.all([
      this.db.query(
        `SELECT c.id, c.name,
                (SELECT count(*)::int FROM question x
                  WHERE x.category_id = c.id AND x.retired_at IS NULL) AS questions
           FROM question_category c WHERE c.bank_id = $1 ORDER BY c.name`,
        [bank.id],
      ),
      this.db.query(BANK_QUESTIONS_SQL, [bank.id]) as Promise<BankQuestionView[]>,
    ]);
    return { ...bank, categories, questions };
  }

  async addCategory(
    user: AuthUser,
    bankId: string,
    dto: CreateQuestionCategoryDto,
  ): Promise<CreatedId> {
    return this.db.transaction(async (tx) => {
      const bank = await this.bankFor(tx, user, bankId, true);
      if (await tx.existsBy(QuestionCategoryEntity, { bankId: bank.id, name: dto.name })) {
        throw invalidField('name', 'the bank already has a category of this name', 'already_used');
      }
      const id = randomUUID();
      await tx.insert(QuestionCategoryEntity, { id, bankId: bank.id, name: dto.name });
      return { id };
    });
  }

  async addQuestion(
    user: AuthUser,
    bankId: string,
    dto: BankQuestionDto,
  ): Promise<BankQuestionSaved> {
    await requireStoredImages(this.storage, dto);
    return this.db.transaction(async (tx) => {
      const bank = await this.bankFor(tx, user, bankId, true);
      await this.requireCategory(tx, bank.id, dto.categoryId);
      return this.insertVersion(tx, bank.id, dto, { key: randomUUID(), version: 1 });
    });
  }

  /** A new version of the question (its id is the answer); the edited row stays for attempts. */
  async updateQuestion(
    user: AuthUser,
    questionId: string,
    dto: BankQuestionDto,
  ): Promise<BankQuestionSaved> {
    await requireStoredImages(this.storage, dto);
    return this.db.transaction(async (tx) => {
      const current = await this.currentQuestion(tx, user, questionId);
      await this.requireCategory(tx, current.bankId as string, dto.categoryId);
      return this.replaceVersion(tx, current, { ...dto, externalId: current.externalId });
    });
  }

  async deleteQuestion(user: AuthUser, questionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.currentQuestion(tx, user, questionId);
      // Retired, not deleted: attempts that drew it still show and grade it.
      await tx.update(QuestionEntity, { id: current.id }, { retiredAt: () => 'now()' });
    });
  }

  /** The bank if the caller's scope holds its owner unit; 404 otherwise (existence not revealed). */
  async bankFor(m: EntityManager, user: AuthUser, bankId: string, lock = false): Promise<BankRow> {
    const [bank]: BankRow[] = await m.query(
      `SELECT id, title, owner_org_unit_id AS "ownerOrgUnitId" FROM question_bank WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [bankId],
    );
    if (!bank) throw notFound();
    await this.scope.findVisible(user, bank.ownerOrgUnitId).catch(() => {
      throw notFound();
    });
    return bank;
  }

  async requireCategory(tx: EntityManager, bankId: string, categoryId: string): Promise<void> {
    if (!(await tx.existsBy(QuestionCategoryEntity, { id: categoryId, bankId }))) {
      throw invalidField('categoryId', 'not a category of this bank', 'not_in_bank');
    }
  }

  async insertVersion(
    tx: EntityManager,
    bankId: string,
    q: BankQuestionContent,
    at: { key: string; version: number; position?: number },
  ): Promise<BankQuestionSaved> {
    const id = randomUUID();
    const position =
      at.position ??
      (
        await tx.query(
          'SELECT coalesce(max(position), 0) + 1 AS next FROM question WHERE bank_id = $1',
          [bankId],
        )
      )[0].next;
    await tx.insert(QuestionEntity, {
      id,
      quizId: null,
      bankId,
      categoryId: q.categoryId,
      key: at.key,
      version: at.version,
      position,
      type: q.type,
      text: q.text,
      explanation: q.explanation || null,
      externalId: q.externalId ?? null,
      tags: [...new Set((q.tags ?? []).map((t) => t.normalize('NFC').trim()).filter(Boolean))],
      ...textRuleColumns(q),
      ...imageColumns(q.image),
    });
    await tx.insert(
      QuestionOptionEntity,
      optionRows(q).map((o) => ({ questionId: id, ...o })),
    );
    return { id, key: at.key, version: at.version };
  }

  /**
   * Retires `current` and inserts its next version (same key and position). Content that
   * says nothing of an image (an import) keeps the current one; null removes it.
   */
  async replaceVersion(
    tx: EntityManager,
    current: QuestionEntity,
    q: BankQuestionContent,
  ): Promise<BankQuestionSaved> {
    await tx.update(QuestionEntity, { id: current.id }, { retiredAt: () => 'now()' });
    const image =
      q.image !== undefined
        ? q.image
        : current.imageKey
          ? { key: current.imageKey, alt: current.imageAlt ?? '' }
          : null;
    return this.insertVersion(
      tx,
      current.bankId as string,
      { ...q, image, options: await keptOptionImages(tx, current.id, q.options) },
      {
        key: current.key,
        version: current.version + 1,
        position: current.position,
      },
    );
  }

  /** The current version, locked; 404 outside the scope, 409 when it was edited meanwhile. */
  private async currentQuestion(
    tx: EntityManager,
    user: AuthUser,
    questionId: string,
  ): Promise<QuestionEntity> {
    const question = await tx.findOne(QuestionEntity, {
      where: { id: questionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!question?.bankId) throw new NotFoundException('Question not found');
    await this.bankFor(tx, user, question.bankId);
    if (question.retiredAt) {
      throw new ConflictException('This version was replaced or removed; reload the bank');
    }
    return question;
  }
}
