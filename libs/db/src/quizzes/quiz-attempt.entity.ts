import type { AttemptStatus } from '@dx/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { QuizEntity } from './quiz.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { AttemptStatus };

/** The questions drawn for one attempt, each with its options in the order shown. */
export interface DrawnQuestion {
  questionId: string;
  optionIds: string[];
}

export interface AttemptAnswer {
  questionId: string;
  optionIds: string[];
  /** Matching: the right-hand text chosen for each of optionIds. */
  matches?: string[];
  /** Short answer and numeric: what the learner typed. */
  text?: string;
}

/**
 * One try at a quiz. The draw (questions and option order) is stored at start, so the
 * attempt is graded on exactly what was shown. `number` is 1, 2, 3… per (user, quiz): with
 * the unique index it makes "at most maxAttempts" a database fact; the partial unique
 * index allows one open attempt per (user, quiz).
 */
@Entity('quiz_attempt')
@Check('ck_quiz_attempt_status', `"status" IN ('open', 'submitted', 'expired')`)
@Check('ck_quiz_attempt_score', '"score" IS NULL OR "score" BETWEEN 0 AND 100')
@Index('uq_quiz_attempt_number', ['userId', 'quizId', 'number'], { unique: true })
@Index('uq_quiz_attempt_open', ['userId', 'quizId'], { unique: true, where: `"status" = 'open'` })
@Index('idx_quiz_attempt_quiz_user', ['quizId', 'userId'])
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  quizId: string;

  @ManyToOne(() => QuizEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: QuizEntity;

  @Column({ type: 'uuid', nullable: true })
  enrollmentId: string | null;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: AttemptStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'jsonb' })
  drawn: DrawnQuestion[];

  @Column({ type: 'jsonb', nullable: true })
  answers: AttemptAnswer[] | null;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'int', nullable: true })
  correctCount: number | null;

  @Column({ type: 'int', nullable: true })
  total: number | null;

  /**
   * The drawn questions graded right at submit. Analytics read it: typed and matching answers
   * cannot be re-graded in SQL. Null on attempts submitted before it existed (analytics then
   * compare option sets, which is exact for the choice types those attempts had).
   */
  @Column({ type: 'uuid', array: true, nullable: true })
  correctQuestionIds: string[] | null;
}
