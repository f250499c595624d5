import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { QuestionEntity } from './question.entity';

@Entity('question_option')
@Check('ck_question_option_image_alt', '("image_key" IS NULL) = ("image_alt" IS NULL)')
@Index('idx_question_option_question', ['questionId', 'position'])
export class QuestionOptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionId: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  /** Never leaves the server before the attempt is submitted. */
  @Column({ type: 'boolean', default: false })
  correct: boolean;

  /** Matching: the right-hand text this option pairs with (shown to learners only as a sorted choice). */
  @Column({ type: 'text', nullable: true })
  match: string | null;

  /** Numeric: an answer within ± tolerance of `text` is right (null: exactly). */
  @Column({ type: 'double precision', nullable: true })
  tolerance: number | null;

  /** An image shown with the option (FileStorage key, `question-images/…`); never without alt text. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  imageKey: string | null;

  @Column({ type: 'text', nullable: true })
  imageAlt: string | null;
}
