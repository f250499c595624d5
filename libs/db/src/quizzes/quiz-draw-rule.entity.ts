import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { QuestionCategoryEntity } from './question-category.entity';
import { QuizEntity } from './quiz.entity';

/**
 * "Draw `count` current questions of this category" for every attempt of the quiz, on top
 * of the quiz's own questions. A category in use cannot be deleted (RESTRICT).
 */
@Entity('quiz_draw_rule')
@Check('ck_quiz_draw_rule_count', '"count" > 0')
@Index('idx_quiz_draw_rule_category', ['categoryId'])
export class QuizDrawRuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  quizId: string;

  @ManyToOne(() => QuizEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: QuizEntity;

  @PrimaryColumn({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => QuestionCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: QuestionCategoryEntity;

  @Column({ type: 'int' })
  count: number;
}
