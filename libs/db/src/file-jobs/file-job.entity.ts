import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  TableInheritance,
} from 'typeorm';

export type FileJobState = 'waiting' | 'active' | 'completed' | 'failed';

/** What a file job makes; the discriminator of `file_job` (one child entity per kind). */
export type FileJobKind = 'activation_slips' | 'certificate_export' | 'people_export';

/**
 * One file asked for in the API and made by the worker: request (row + outbox job, audited)
 * → progress → download, then deleted once `filesExpireAt` has passed. Every kind shares
 * this table and these columns; kind-specific ones live on its child entity (single-table
 * inheritance, discriminator `kind`). State and progress live here, not in one process's
 * memory or only in BullMQ (which forgets finished jobs), so any API instance answers the same.
 */
@Entity('file_job')
@TableInheritance({ column: { type: 'varchar', length: 32, name: 'kind' } })
@Check('ck_file_job_state', `"state" IN ('waiting', 'active', 'completed', 'failed')`)
@Index('idx_file_job_requester', ['requestedBy', 'createdAt'])
@Index('idx_file_job_expiry', ['filesExpireAt'], { where: '"files_deleted_at" IS NULL' })
// The worker's sweep of jobs lost in a Redis failover looks only at the unfinished ones.
@Index('idx_file_job_unfinished', ['createdAt'], { where: `"state" IN ('waiting', 'active')` })
export class FileJobEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  /**
   * The unit as it was when asked (path of its subtree, code and name for the file): the
   * worker makes what the requester was allowed to ask for, and scope is checked on it.
   */
  @Column({ type: 'text', collation: 'C' })
  unitPath: string;

  @Column({ type: 'varchar', length: 64 })
  unitCode: string;

  @Column({ type: 'varchar', length: 255 })
  unitName: string;

  /** Who asked (null once that account is deleted). */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  state: FileJobState;

  /** 0–100, written by the worker as it goes (99 at most until the files are stored). */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** Rows written so far and rows to write, as the worker last reported. */
  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int', nullable: true })
  total: number | null;

  /** Rows in the finished file(s). */
  @Column({ type: 'int', nullable: true })
  count: number | null;

  /** The year the file is about (exports), null when the kind has none. */
  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  /** The file's format (exports with one file). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  format: string | null;

  /** The main file (or null when the kind stores its files in its own columns). */
  @Column({ type: 'varchar', length: 512, nullable: true })
  fileKey: string | null;

  /** When the worker's retention job deletes the files (FILE_JOB_RETENTION_DAYS after completion). */
  @Column({ type: 'timestamptz', nullable: true })
  filesExpireAt: Date | null;

  /** When they were deleted: downloads then answer 410. */
  @Column({ type: 'timestamptz', nullable: true })
  filesDeletedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
