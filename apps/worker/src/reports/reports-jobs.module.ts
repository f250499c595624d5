import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { CoverageReportGenerator } from '@dx/reports';
import { NotificationsService, ReadReplica } from '@dx/db';
import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';
import { ReportReadyNotifier } from '../reminders/report-ready.notifier';
import { LedgerPlacementService } from './ledger-placement.service';
import { PeopleExportService } from './people-export.service';
import { ReportsProcessor } from './reports.processor';
import { YearlyCoverageService } from './yearly-coverage.service';

/** Coverage reports: snapshots and exports, the yearly official ones, the ledger's daily placement. */
@Module({
  providers: [
    {
      provide: CoverageReportGenerator,
      inject: [getDataSourceToken(), FILE_STORAGE, ReadReplica],
      useFactory: (db: DataSource, storage: FileStorage, reads: ReadReplica) =>
        new CoverageReportGenerator(db, storage, reads),
    },
    YearlyCoverageService,
    LedgerPlacementService,
    ReportsProcessor,
    PeopleExportService,
    FileReadyNotifier,
    NotificationsService,
    ReportReadyNotifier,
  ],
  exports: [CoverageReportGenerator, YearlyCoverageService],
})
export class ReportsJobsModule {}
