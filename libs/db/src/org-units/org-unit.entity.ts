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

/**
 * A unit of the administrative tree (ministry, province, department, commune…).
 * Units are never deleted: a merge closes one (`validTo`) and names its `successor`.
 * `parentId`/`path` describe today's tree (used for access scopes); the tree as it stood
 * on an earlier date is in `org_unit_edge`.
 */
@Entity('org_unit')
@Check('ck_org_unit_validity', '"valid_to" IS NULL OR "valid_to" > "valid_from"')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Index('idx_org_unit_parent')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnitEntity | null;

  /**
   * Materialised path of ids from the root, `/rootId/…/id/`, in today's tree. With the
   * "C" collation a plain b-tree index serves `path LIKE '/a/b/%'` subtree scans.
   */
  @Index('idx_org_unit_path')
  @Column({ type: 'text', collation: 'C' })
  path: string;

  @Column({ type: 'int' })
  depth: number;

  @Column({ type: 'date', default: () => "'1900-01-01'" })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'uuid', nullable: true })
  successorId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'successor_id' })
  successor?: OrgUnitEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
