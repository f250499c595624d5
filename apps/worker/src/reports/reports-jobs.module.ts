import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { CoverageReportGenerator } from '@dx/reports';
import { NotificationsService, ReadReplica } from '@dx/db';
import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReportReadyNotifier } from '../reminders/report-ready.notifier';
import { CoverageScheduleService } from './coverage-schedule.service';
import { PeopleExportService } from './people-export.service';
import { ReportsProcessor } from './reports.processor';
import { YearlyCoverageService } from './yearly-coverage.service';

/** Coverage reports: computes snapshots and exports, and schedules the yearly official ones. */
@Module({
  providers: [
    {
      provide: CoverageReportGenerator,
      inject: [getDataSourceToken(), FILE_STORAGE, ReadReplica],
      useFactory: (db: DataSource, storage: FileStorage, reads: ReadReplica) =>
        new CoverageReportGenerator(db, storage, reads),
    },
    YearlyCoverageService,
    CoverageScheduleService,
    ReportsProcessor,
    PeopleExportService,
    NotificationsService,
    ReportReadyNotifier,
  ],
  exports: [CoverageReportGenerator, YearlyCoverageService],
})
export class ReportsJobsModule {}
