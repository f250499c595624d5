import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QuestionBankEntity } from './question-bank.entity';

/** A named group of a bank's questions; quizzes draw a set number from each category. */
@Entity('question_category')
@Index('uq_question_category_name', ['bankId', 'name'], { unique: true })
export class QuestionCategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  bankId: string;

  @ManyToOne(() => QuestionBankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id' })
  bank?: QuestionBankEntity;

  @Column({ type: 'varchar', length: 120 })
  name: string;
}
