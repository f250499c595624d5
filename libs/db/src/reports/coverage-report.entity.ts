import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

export type CoverageReportStatus = 'running' | 'completed' | 'failed';

/** The server a report's figures were read on (DATABASE_REPLICA_URL, or the primary). */
export type CoverageReadSource = 'replica' | 'primary';

/**
 * A yearly training-coverage snapshot for one unit's subtree, as the tree stood at the
 * end of the year. Once completed its rows never change: exports read the snapshot, a
 * re-run is a new report. An `official` report (the scheduled one for a closed year) is
 * unique per (year, unit) and protected by a trigger against any change.
 */
@Entity('coverage_report')
@Check('ck_coverage_report_status', `"status" IN ('running', 'completed', 'failed')`)
@Index('idx_coverage_report_unit_year', ['orgUnitId', 'year'])
@Check('ck_coverage_report_read_source', `"read_source" IN ('replica', 'primary')`)
@Index('uq_coverage_report_official', ['orgUnitId', 'year'], { unique: true, where: '"official"' })
// The worker's sweep of reports whose job was lost looks only at the few running ones.
@Index('idx_coverage_report_running', ['createdAt'], { where: `"status" = 'running'` })
export class CoverageReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  /**
   * BullMQ job that computes it (`coverageJobId`), queued through the outbox. The API
   * answers the job's state from this row only (status, progress), never from BullMQ.
   */
  @Column({ type: 'varchar', length: 128 })
  jobId: string;

  @Column({ type: 'varchar', length: 16, default: 'running' })
  status: CoverageReportStatus;

  /** 0 until a worker starts it (waiting), then as far as the computation got. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** Where the figures were read (null until computed, and for reports of older releases). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  readSource: CoverageReadSource | null;

  /** Why that server, in words ("replica behind: …; waited 5000 ms, then read from the primary"). */
  @Column({ type: 'text', nullable: true })
  readDetail: string | null;

  @Column({ type: 'boolean', default: false })
  official: boolean;

  /** Time zone the year boundaries were taken in (TZ_REPORTS at generation). */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'timestamptz', nullable: true })
  generatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
