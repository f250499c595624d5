import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { CoverageReportEntity } from './coverage-report.entity';

/** One unit of a coverage report; every figure counts the unit's whole subtree. */
@Entity('coverage_report_row')
@Index('idx_coverage_report_row_parent', ['reportId', 'parentId'])
export class CoverageReportRowEntity {
  @PrimaryColumn({ type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => CoverageReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: CoverageReportEntity;

  /** Code and name as they were at the end of the year (units are renamed, merged). */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'int' })
  depth: number;

  @Column({ type: 'int' })
  dxStaff: number;

  @Column({ type: 'int' })
  trained: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  hours: number;

  @Column({ type: 'int' })
  certificates: number;

  // The split by DX role and the requirement figure (yearly cycle). Reports stored
  // before they existed read 0 here.
  @Column({ type: 'int', default: 0 })
  fullTimeStaff: number;

  @Column({ type: 'int', default: 0 })
  fullTimeTrained: number;

  @Column({ type: 'int', default: 0 })
  partTimeStaff: number;

  @Column({ type: 'int', default: 0 })
  partTimeTrained: number;

  /** DX staff who met every requirement of the year that applied to them. */
  @Column({ type: 'int', default: 0 })
  requirementMet: number;
}
