import type { CurriculumStatus } from '@dx/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { CurriculumStatus };

/**
 * A learning path: an ordered set of courses for a job position or audience, with the
 * hours a person should reach each year. Completing all its courses earns a programme
 * certificate.
 */
@Entity('curriculum')
@Check('ck_curriculum_status', `"status" IN ('draft', 'published', 'archived')`)
export class CurriculumEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_curriculum_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Who it is for, e.g. "Cán bộ chuyên trách CĐS cấp xã". */
  @Column({ type: 'varchar', length: 255, default: '' })
  audience: string;

  /** Job titles it applies to (matched against users' job titles); empty: everyone in scope. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  jobTitles: string[];

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 0, transformer: numericTransformer })
  hoursPerYear: number;

  @Index('idx_curriculum_owner')
  @Column({ type: 'uuid' })
  ownerOrgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_unit_id' })
  ownerOrgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CurriculumStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
