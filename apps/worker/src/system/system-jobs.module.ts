import { MailService, NotificationsService } from '@dx/db';
import { lockSettings, workerSettingsFromConfig } from '@dx/queues';
import { Module } from '@nestjs/common';
import { ExpiredFilesService } from '../file-jobs/expired-files.service';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';
import { ScheduledMergesService } from '../org-units/scheduled-merges.service';
import { QuestionImagesCleanupService } from '../quizzes/question-images-cleanup.service';
import { ActivationSlipsService } from '../users/activation-slips.service';
import { SystemProcessor } from './system.processor';

@Module({
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
  ],
})
export class SystemJobsModule {}
