import { MailService, NotificationsService } from '@dx/db';
import { lockSettings, workerSettingsFromConfig } from '@dx/queues';
import { Module } from '@nestjs/common';
import { ExpiredFilesService } from '../file-jobs/expired-files.service';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';
import { ScheduledMergesService } from '../org-units/scheduled-merges.service';
import { QuestionImagesCleanupService } from '../quizzes/question-images-cleanup.service';
import { ActivationSlipsService } from '../users/activation-slips.service';
import { ReportsJobsModule } from '../reports/reports-jobs.module';
import { LostJobsRequeueService } from './lost-jobs-requeue.service';
import { SystemProcessor } from './system.processor';

@Module({
  // The sweep of lost jobs marks a report failed through the reports' generator.
  imports: [ReportsJobsModule],
  providers: [
    SystemProcessor,
    // Slips for a big unit run for tens of seconds: the lock follows QUEUE_LOCK_DURATION_MS.
    workerSettingsFromConfig(SystemProcessor, lockSettings),
    ScheduledMergesService,
    ActivationSlipsService,
    MailService,
    NotificationsService,
    FileReadyNotifier,
    ExpiredFilesService,
    QuestionImagesCleanupService,
    LostJobsRequeueService,
  ],
})
export class SystemJobsModule {}
