import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The years whose training ledger rows carry the people's placement, and the day they are
 * placed on (31/12, or the day of the last catch-up for the current year). A year is placed
 * in full the first time a report needs it; afterwards the triggers on `membership` keep
 * it, and a report of a later day re-places only the people whose memberships began or
 * ended in between (`ensureLedgerPlacement` in libs/reports).
 */
@Entity('ledger_placement')
export class LedgerPlacementEntity {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'date' })
  asOf: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
