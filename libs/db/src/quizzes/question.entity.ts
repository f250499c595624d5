import type { QuestionType } from '@dx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QuizEntity } from './quiz.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { QuestionType };

@Entity('question')
@Check('ck_question_type', `"type" IN ('single', 'multiple', 'true_false')`)
@Index('idx_question_quiz', ['quizId', 'position'])
@Index('uq_question_external_id', ['quizId', 'externalId'], {
  unique: true,
  where: '"external_id" IS NOT NULL',
})
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  quizId: string;

  @ManyToOne(() => QuizEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: QuizEntity;

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
}
