import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { UserEntity } from '../users/user.entity';

/**
 * The training ledger: one row per person and training year, changed by one upsert in the
 * same transaction as a course completion, a revocation, a recorded training or a
 * requirement change. Reports sum these narrow rows (joined with membership at year end)
 * instead of re-joining every certificate; `training-ledger.spec` recomputes it from the
 * source rows and compares.
 */
@Entity('training_year')
@Index('idx_training_year_year', ['year', 'userId'])
export class TrainingYearEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Hours of course certificates not revoked plus recorded training of the year. */
  @Column({ type: 'numeric', precision: 8, scale: 2, default: 0, transformer: numericTransformer })
  hours: number;

  /** Course certificates of the year that are not revoked. */
  @Column({ type: 'int', default: 0 })
  courses: number;

  /** Recorded outside trainings of the year. */
  @Column({ type: 'int', default: 0 })
  records: number;

  /** At least one course or recorded training in the year. */
  @Column({ type: 'boolean', default: false })
  trained: boolean;

  /** Every requirement of the year that applies to the person is met (true when none applies). */
  @Column({ type: 'boolean', default: true })
  requirementMet: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
