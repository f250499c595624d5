import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { UserEntity } from '../users/user.entity';

/** Training done outside the platform (a class, another platform), recorded by HR. */
@Entity('training_record')
@Check('ck_training_record_hours', '"hours" > 0 AND "hours" <= 2000')
@Index('idx_training_record_user_year', ['userId', 'year'])
export class TrainingRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericTransformer })
  hours: number;

  @Column({ type: 'date' })
  completedOn: string;

  /** Training year (the year of `completedOn`). */
  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 255 })
  provider: string;

  /** Storage key of the scanned evidence, when one was uploaded. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  evidenceKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
