import type { DxRole } from '@dx/contracts';
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
import { CurriculumEntity } from '../curricula/curriculum.entity';
import { numericTransformer } from '../numeric.transformer';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/**
 * In `year`, the people of a unit's subtree with the given DX roles (and, when listed,
 * job titles) must earn `hours` by `dueDate`; with a curriculum, only its courses count.
 */
@Entity('requirement')
@Check('ck_requirement_hours', '"hours" > 0 AND "hours" <= 2000')
@Index('idx_requirement_year', ['year', 'orgUnitId'])
export class RequirementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', array: true })
  dxRoles: DxRole[];

  /** Empty: every job title. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  jobTitles: string[];

  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericTransformer })
  hours: number;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'uuid', nullable: true })
  curriculumId: string | null;

  @ManyToOne(() => CurriculumEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'curriculum_id' })
  curriculum?: CurriculumEntity;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
