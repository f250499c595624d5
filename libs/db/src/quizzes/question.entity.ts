import type { QuestionType } from '@dx/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { QuestionBankEntity } from './question-bank.entity';
import { QuestionCategoryEntity } from './question-category.entity';
import { QuizEntity } from './quiz.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { QuestionType };

@Entity('question')
@Check(
  'ck_question_type',
  `"type" IN ('single', 'multiple', 'true_false', 'matching', 'ordering', 'short_answer', 'numeric')`,
)
// A question belongs to one quiz (a course version's own) or to one bank (shared, versioned).
@Check('ck_question_owner', '("quiz_id" IS NULL) <> ("bank_id" IS NULL)')
@Check('ck_question_bank_category', '"bank_id" IS NULL OR "category_id" IS NOT NULL')
@Check('ck_question_version', '"version" > 0')
@Index('idx_question_quiz', ['quizId', 'position'])
@Index('uq_question_external_id', ['quizId', 'externalId'], {
  unique: true,
  where: '"external_id" IS NOT NULL',
})
// Bank questions: one current version per key, one current question per external id.
@Index('uq_question_bank_current', ['bankId', 'key'], {
  unique: true,
  where: '"bank_id" IS NOT NULL AND "retired_at" IS NULL',
})
@Index('uq_question_bank_external_id', ['bankId', 'externalId'], {
  unique: true,
  where: '"bank_id" IS NOT NULL AND "retired_at" IS NULL AND "external_id" IS NOT NULL',
})
@Index('idx_question_category_current', ['categoryId'], { where: '"retired_at" IS NULL' })
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for a bank question. */
  @Column({ type: 'uuid', nullable: true })
  quizId: string | null;

  @ManyToOne(() => QuizEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: QuizEntity;

  @Column({ type: 'uuid', nullable: true })
  bankId: string | null;

  @ManyToOne(() => QuestionBankEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bank_id' })
  bank?: QuestionBankEntity;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => QuestionCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: QuestionCategoryEntity;

  /**
   * Editing a bank question inserts version n+1 under the same key and retires version n:
   * attempts that drew version n keep grading and showing exactly it.
   */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** When a bank question was superseded by a new version or removed; null: current. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'uuid' })
  key: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'text' })
  text: string;

  /** The author's own id from an imported file: re-importing it updates, never duplicates. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  /** Shown in the review after submission, never before. */
  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  /** Short answer: "Hà Nội" matches "hà nội". */
  @Column({ type: 'boolean', default: true })
  ignoreCase: boolean;

  /** Short answer: "Hà Nội" matches "Ha Noi" (off by default: diacritics carry meaning in Vietnamese). */
  @Column({ type: 'boolean', default: false })
  ignoreDiacritics: boolean;
}
