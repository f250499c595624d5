import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { CoverageReportGenerator } from '@dx/reports';
import { ReadReplica } from '@dx/db';
import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CoverageScheduleService } from './coverage-schedule.service';
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
  ],
  exports: [CoverageReportGenerator, YearlyCoverageService],
})
export class ReportsJobsModule {}
