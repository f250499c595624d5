import { ChildEntity, Column } from 'typeorm';
import { FileJobEntity } from './file-job.entity';

/** @deprecated name kept for callers: the state of every file job is `FileJobState`. */
export type ActivationSlipBatchState = FileJobEntity['state'];

/**
 * A unit's activation slips: codes issued for every person of the subtree who has not
 * activated yet, printed as a PDF of slips and an XLSX list (two files).
 */
@ChildEntity('activation_slips')
export class ActivationSlipBatchEntity extends FileJobEntity {
  /** When the printed codes stop working. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  pdfKey: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  xlsxKey: string | null;
}
