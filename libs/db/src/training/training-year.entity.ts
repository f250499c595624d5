import type { DxRole } from '@dx/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { UserEntity } from '../users/user.entity';

/**
 * The training ledger: one row per person and training year, changed by one upsert in the
 * same transaction as a course completion, a revocation, a recorded training or a
 * requirement change. Reports sum these narrow rows (joined with membership at year end)
 * instead of re-joining every certificate; `training-ledger.spec` recomputes it from the
 * source rows and compares.
 *
 * The row also carries the person's PLACEMENT in the year: the unit and DX role of their
 * membership on the year's report day (31/12, today for the current year), for the years
 * listed in `ledger_placement` (with the day they are placed on). Triggers on `membership`
 * keep it in the transaction of every transfer, merge, creation, import or deactivation, so
 * a report is one narrow scan of this table grouped by unit (the placement used to cost
 * most of a national report: memberships of the day, DISTINCT ON person).
 */
@Entity('training_year')
@Index('idx_training_year_year', ['year', 'userId'])
// The report (grouped by unit) and the people page (per-unit counts of the untrained,
// then one unit's) read this index alone: an index-only scan of one year's placed people,
// the untrained ones a contiguous range. Defined in migration LedgerPlacement: (year,
// trained, org_unit_id) INCLUDE (dx_role, hours, courses, requirement_met) WHERE placed;
// TypeORM cannot express INCLUDE, so it leaves this index alone.
@Index('idx_training_year_placement', { synchronize: false })
@Check('ck_training_year_placement', '("org_unit_id" IS NULL) = ("dx_role" IS NULL)')
@Check('ck_training_year_dx_role', `"dx_role" IN ('full_time', 'part_time')`)
export class TrainingYearEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Unit of the person's membership on the report day; null: not DX staff that day (or the year is not placed). */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  /** DX role of that membership (never 'none': people without one are not placed). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  dxRole: Exclude<DxRole, 'none'> | null;

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
