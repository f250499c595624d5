import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

export const ORG_UNIT_MERGE_STATUSES = ['pending', 'applied', 'cancelled', 'failed'] as const;
export type OrgUnitMergeStatus = (typeof ORG_UNIT_MERGE_STATUSES)[number];

/**
 * A decided merge of `unit` into `target` from `effectiveDate`. One dated today or earlier
 * is applied in the request that decides it (`applied`); a later one waits as `pending`
 * until the worker's daily run applies it on its date, or until it is `cancelled`. The
 * tree itself only changes when the merge is applied, so reports computed before then
 * see the unit as it is. `failed`: the tree changed meanwhile so that it no longer
 * applies (reason in `failure`).
 */
@Entity('org_unit_merge')
@Check('ck_org_unit_merge_status', `"status" IN ('pending','applied','cancelled','failed')`)
@Check('ck_org_unit_merge_target', '"target_id" <> "unit_id"')
// At most one merge waits per unit.
@Index('uq_org_unit_merge_pending', ['unitId'], { unique: true, where: `"status" = 'pending'` })
@Index('idx_org_unit_merge_due', ['effectiveDate'], { where: `"status" = 'pending'` })
@Index('idx_org_unit_merge_target', ['targetId'])
export class OrgUnitMergeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: OrgUnitEntity;

  @Column({ type: 'uuid' })
  targetId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_id' })
  target?: OrgUnitEntity;

  /** First day on which the unit no longer exists. */
  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OrgUnitMergeStatus;

  @Column({ type: 'text', nullable: true })
  failure: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When it was applied, cancelled or found failing. */
  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
