import { Module } from '@nestjs/common';
import { TrainingLedgerService } from './training-ledger.service';

/** The per-person, per-year ledger, lent to every feature that changes earned hours. */
@Module({ providers: [TrainingLedgerService], exports: [TrainingLedgerService] })
export class TrainingLedgerModule {}
