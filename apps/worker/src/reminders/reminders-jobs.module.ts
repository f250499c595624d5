import { NotificationsService } from '@dx/db';
import { Module } from '@nestjs/common';
import { DailyRemindersService } from './daily-reminders.service';
import { NotificationsProcessor } from './notifications.processor';
import { ALL_QUEUES_PROVIDER, QueueFailuresNotifier } from './queue-failures.notifier';

/**
 * Requirement reminders, the HR weekly digest, the sysadmins' queue-failure notice and the
 * inbox purge, run daily.
 */
@Module({
  providers: [
    NotificationsService,
    DailyRemindersService,
    ALL_QUEUES_PROVIDER,
    QueueFailuresNotifier,
    NotificationsProcessor,
  ],
  exports: [NotificationsService, DailyRemindersService, QueueFailuresNotifier],
})
export class RemindersJobsModule {}
