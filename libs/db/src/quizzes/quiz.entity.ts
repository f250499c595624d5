import type { QuizKind, ReviewPolicy } from '@dx/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CourseModuleEntity } from '../courses/course-module.entity';
import { CourseVersionEntity } from '../courses/course-version.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { QuizKind, ReviewPolicy };

/**
 * A self-test of a course version. A `final` quiz (at most one per version) must be
 * passed to complete the course; `practice` quizzes (optionally tied to a module) only teach.
 */
@Entity('quiz')
@Check('ck_quiz_kind', `"kind" IN ('practice', 'final')`)
@Check('ck_quiz_passing_score', '"passing_score" BETWEEN 0 AND 100')
@Check('ck_quiz_time_limit', '"time_limit_seconds" IS NULL OR "time_limit_seconds" > 0')
@Check('ck_quiz_max_attempts', '"max_attempts" IS NULL OR "max_attempts" > 0')
@Check(
  'ck_quiz_review_policy',
  `"review_policy" IN ('immediately', 'after_passing', 'after_last_attempt', 'never')`,
)
@Check('ck_quiz_per_attempt', '"questions_per_attempt" IS NULL OR "questions_per_attempt" > 0')
@Index('idx_quiz_version', ['courseVersionId'])
@Index('uq_quiz_final_per_version', ['courseVersionId'], {
  unique: true,
  where: `"kind" = 'final'`,
})
export class QuizEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  @Column({ type: 'uuid', nullable: true })
  moduleId: string | null;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModuleEntity | null;

  @Column({ type: 'uuid' })
  key: string;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuizKind;

  /** Percentage needed to pass; the circular's "at least 5/10" is the default. */
  @Column({ type: 'int', default: 50 })
  passingScore: number;

  @Column({ type: 'int', nullable: true })
  timeLimitSeconds: number | null;

  @Column({ type: 'int', nullable: true })
  maxAttempts: number | null;

  /** Questions drawn at random from the quiz's bank for each attempt; null: all of them. */
  @Column({ type: 'int', nullable: true })
  questionsPerAttempt: number | null;

  @Column({ type: 'boolean', default: true })
  shuffle: boolean;

  /**
   * When a closed attempt shows correct answers and explanations (the score always shows).
   * Existing rows get `immediately` (what every quiz did before); new finals default to
   * `after_passing` in the API.
   */
  @Column({ type: 'varchar', length: 24, default: 'immediately' })
  reviewPolicy: ReviewPolicy;
}
