import { AppConfig, AppConfigModule } from '@dx/config';
import { DatabaseModule } from '@dx/db';
import { StorageModule } from '@dx/storage';
import { QueuesModule } from '@dx/queues';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CertificatesJobsModule } from './certificates/certificates-jobs.module';
import { OutboxModule } from './outbox/outbox.module';
import { ProcessorCoverageCheck } from './processor-coverage.check';
import { ReportsJobsModule } from './reports/reports-jobs.module';
import { SystemJobsModule } from './system/system-jobs.module';
import { MailJobsModule } from './mail/mail-jobs.module';
import { RemindersJobsModule } from './reminders/reminders-jobs.module';
import { JobSchedulesService } from './schedules/job-schedules.service';

/** The worker: one processor per queue, no HTTP. Tests pass a ready config. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'dx-worker', poolSize: 5 }),
        QueuesModule.forRoot(),
        DiscoveryModule,
        StorageModule,
        SystemJobsModule,
        CertificatesJobsModule,
        ReportsJobsModule,
        OutboxModule,
        MailJobsModule,
        RemindersJobsModule,
      ],
      providers: [ProcessorCoverageCheck, JobSchedulesService],
    };
  }
}
