import type { QuizDrawRuleView } from '@dx/contracts';
import { QuestionCategoryEntity, QuizDrawRuleEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../auth/auth-user';
import { CourseDraftService } from '../../courses/course-draft.service';
import { InvalidInputException } from '../../http/invalid-input';
import { QuizDrawRulesDto } from './question-bank.dto';
import { DRAW_RULE_VIEWS_SQL } from './draw-rules.sql';
import { QuestionBanksService } from './question-banks.service';

/** Which bank categories a quiz draws from, and how many questions from each, per attempt. */
@Injectable()
export class DrawRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drafts: CourseDraftService,
    private readonly banks: QuestionBanksService,
  ) {}

  async get(user: AuthUser, quizId: string): Promise<QuizDrawRuleView[]> {
    await this.drafts.itemForEditor(this.db.manager, user, 'quiz', quizId);
    return this.db.query(DRAW_RULE_VIEWS_SQL, [quizId]);
  }

  /**
   * Replaces the draft quiz's rules. Each category must be in a bank the caller's scope holds
   * (400 `category_not_visible`), named once. Whether a category holds enough questions is
   * checked at publishing (the bank can still grow), with the category named.
   */
  async replace(
    user: AuthUser,
    quizId: string,
    dto: QuizDrawRulesDto,
  ): Promise<QuizDrawRuleView[]> {
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      const errors: {
        field: string;
        message: string;
        code: 'category_not_visible' | 'array_unique';
      }[] = [];
      const seen = new Set<string>();
      for (const [i, rule] of dto.rules.entries()) {
        const field = `rules.${i}.categoryId`;
        if (seen.has(rule.categoryId)) {
          errors.push({ field, message: 'category named twice', code: 'array_unique' });
          continue;
        }
        seen.add(rule.categoryId);
        const category = await tx.findOneBy(QuestionCategoryEntity, { id: rule.categoryId });
        const visible =
          category &&
          (await this.banks.bankFor(tx, user, category.bankId).then(
            () => true,
            () => false,
          ));
        if (!visible) {
          errors.push({
            field,
            message: 'no such category in a question bank of your scope',
            code: 'category_not_visible',
          });
        }
      }
      if (errors.length) throw new InvalidInputException(errors);
      await tx.delete(QuizDrawRuleEntity, { quizId: target.id });
      if (dto.rules.length) {
        await tx.insert(
          QuizDrawRuleEntity,
          dto.rules.map((r) => ({ quizId: target.id, categoryId: r.categoryId, count: r.count })),
        );
      }
      await this.drafts.touch(tx, target.course.id);
      return tx.query(DRAW_RULE_VIEWS_SQL, [target.id]);
    });
  }
}
