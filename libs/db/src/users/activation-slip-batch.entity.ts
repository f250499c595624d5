import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type ActivationSlipBatchState = 'waiting' | 'active' | 'completed' | 'failed';

/**
 * One request for a unit's activation slips, asked for in the API and made by the worker:
 * codes issued for every person of the subtree who has not activated yet, printed as a PDF
 * of slips and an XLSX list. State and progress live here so any API instance answers the
 * same (BullMQ forgets finished jobs).
 */
@Entity('activation_slip_batch')
@Check('ck_activation_slip_batch_state', `"state" IN ('waiting', 'active', 'completed', 'failed')`)
@Index('idx_activation_slip_batch_requester', ['requestedBy', 'createdAt'])
export class ActivationSlipBatchEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  /** The unit as it was when asked: the worker prints what the requester could ask for. */
  @Column({ type: 'text', collation: 'C' })
  unitPath: string;

  @Column({ type: 'varchar', length: 64 })
  unitCode: string;

  @Column({ type: 'varchar', length: 255 })
  unitName: string;

  /** Who asked; the codes are issued in their name (null once that account is deleted). */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  state: ActivationSlipBatchState;

  /** 0–100, written by the worker as it goes. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'int', nullable: true })
  count: number | null;

  /** When the printed codes stop working. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  pdfKey: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  xlsxKey: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
