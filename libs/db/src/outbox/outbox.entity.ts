import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Intent written in the same transaction as the business change (e.g. "issue this
 * certificate"). A relay copies unsent rows to BullMQ with a deterministic job id and marks
 * them sent, so nothing is lost when Redis is down and nothing is queued twice.
 */
@Entity('outbox')
@Index('idx_outbox_unsent', ['id'], { where: '"sent_at" IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  queue: string;

  @Column({ type: 'varchar', length: 64 })
  jobName: string;

  /** BullMQ job id: a second relay of the same row is a no-op. */
  @Column({ type: 'varchar', length: 128 })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
