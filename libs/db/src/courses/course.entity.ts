import type { CourseStatus } from '@dx/contracts';
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
import { OrgUnitEntity } from '../org-units/org-unit.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { CourseStatus };

/**
 * A course as people name it (stable id and code). Its content lives in versions:
 * `publishedVersionId` is what new learners enrol in, `draftVersionId` what trainers edit.
 * Editing a published course opens a new draft version; enrolled learners keep theirs.
 */
@Entity('course')
@Check('ck_course_status', `"status" IN ('draft', 'published', 'archived')`)
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_course_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  /** Visible to this unit's subtree; editable by trainers of this unit or above. */
  @Index('idx_course_owner')
  @Column({ type: 'uuid' })
  ownerOrgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_unit_id' })
  ownerOrgUnit?: OrgUnitEntity;

  /**
   * The unit that issues the course's certificates when the owner does not: a national
   * course is owned by the root, whose subtree is its audience, and issued by a training
   * institution. Null: the owner issues them.
   */
  @Column({ type: 'uuid', nullable: true })
  issuerOrgUnitId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_org_unit_id' })
  issuerOrgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CourseStatus;

  @Column({ type: 'uuid', nullable: true })
  publishedVersionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  draftVersionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
