import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/**
 * Parent link of a unit over a period: the tree as of date D is the set of edges with
 * `valid_from <= D < coalesce(valid_to, infinity)`. A merge closes the edges of the merged
 * unit and of its children and opens the children's new edges to the successor.
 */
@Entity('org_unit_edge')
@Check('ck_org_unit_edge_validity', '"valid_to" IS NULL OR "valid_to" > "valid_from"')
@Index('idx_org_unit_edge_unit', ['unitId', 'validFrom'])
@Index('idx_org_unit_edge_parent', ['parentId', 'validFrom'])
export class OrgUnitEdgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: OrgUnitEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnitEntity | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
