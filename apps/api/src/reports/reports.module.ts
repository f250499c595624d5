import { CoverageReportEntity, CoverageReportRowEntity } from '@dx/db';
import { StorageModule } from '@dx/storage';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileJobsModule } from '../file-jobs/file-jobs.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CoverageReportAccess } from './coverage-report-access.service';
import { CoverageReportsController } from './coverage-reports.controller';
import { CoverageReportsService } from './coverage-reports.service';
import { CoverageRequestsService } from './coverage-requests.service';
import { PeopleExportsController } from './people-exports.controller';
import { PeopleExportsService } from './people-exports.service';
import { PeopleReportController } from './people-report.controller';
import { PeopleReportService } from './people-report.service';

/** Training-coverage reports: requested here, computed and rendered by the worker. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CoverageReportEntity, CoverageReportRowEntity]),
    OrgUnitsModule,
    FileJobsModule,
    StorageModule,
  ],
  // Exports before the list: `reports/people/exports` is its own path.
  controllers: [CoverageReportsController, PeopleExportsController, PeopleReportController],
  providers: [
    CoverageReportAccess,
    CoverageRequestsService,
    CoverageReportsService,
    PeopleReportService,
    PeopleExportsService,
  ],
})
export class ReportsModule {}
