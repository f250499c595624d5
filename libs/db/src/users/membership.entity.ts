import type { DxRole } from '@dx/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { UserEntity } from './user.entity';

/**
 * Where a person belonged, and with which DX role, over a period. Reports count
 * "DX staff at the end of year Y" from these rows, so moves and merges never rewrite
 * an earlier year. A change of unit or DX role closes the open row and opens a new one.
 */
@Entity('membership')
@Check('ck_membership_validity', '"valid_to" IS NULL OR "valid_to" > "valid_from"')
@Check('ck_membership_dx_role', `"dx_role" IN ('full_time', 'part_time', 'none')`)
@Index('uq_membership_open', ['userId'], { unique: true, where: '"valid_to" IS NULL' })
@Index('idx_membership_unit', ['orgUnitId', 'validFrom'])
// A person's history: the ledger re-places the people whose memberships changed.
@Index('idx_membership_user', ['userId', 'validFrom'])
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 16 })
  dxRole: DxRole;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
