import { APP_CONFIG, AppConfig } from '@dx/config';
import { AdvanceLedgerPlacementResult, calendarDate } from '@dx/contracts';
import { advanceLedgerPlacement } from '@dx/reports';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The daily job that moves the training ledger's placement to the new day (see
 * `advanceLedgerPlacement`): the current year re-places only the people whose memberships
 * began or ended since the last placed day, so the run is short except on 1 January.
 * Idempotent: a second run of the same day writes nothing.
 */
@Injectable()
export class LedgerPlacementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return calendarDate(this.config.reportsTimeZone);
  }

  async advance(day: string): Promise<AdvanceLedgerPlacementResult> {
    return { day, advanced: await advanceLedgerPlacement(this.db.manager, day) };
  }
}
