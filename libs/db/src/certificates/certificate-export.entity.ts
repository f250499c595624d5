import type { CertificateExportFormat } from '@dx/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type CertificateExportState = 'waiting' | 'active' | 'completed' | 'failed';

/**
 * One export of a unit's certificates of a year (ZIP of PDFs or register), asked for in the
 * API and made by the worker. State and progress live here, not in one process's memory or
 * only in BullMQ (which forgets finished jobs), so any API instance answers the same.
 */
@Entity('certificate_export')
@Check('ck_certificate_export_format', `"format" IN ('zip', 'xlsx', 'pdf')`)
@Check('ck_certificate_export_state', `"state" IN ('waiting', 'active', 'completed', 'failed')`)
@Index('idx_certificate_export_requester', ['requestedBy', 'createdAt'])
export class CertificateExportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  /**
   * The unit as it was when asked (path of its subtree, code and name for the file): the
   * worker exports what the requester was allowed to ask for, without reading org units.
   */
  @Column({ type: 'text', collation: 'C' })
  unitPath: string;

  @Column({ type: 'varchar', length: 64 })
  unitCode: string;

  @Column({ type: 'varchar', length: 255 })
  unitName: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 8 })
  format: CertificateExportFormat;

  /** Who asked (null once that account is deleted); only they and sysadmins read it. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  state: CertificateExportState;

  /** 0–100, written by the worker as it goes. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'int', nullable: true })
  count: number | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  fileKey: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
