import { NotificationsService } from '@dx/db';
import { Module } from '@nestjs/common';
import { DailyRemindersService } from './daily-reminders.service';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersScheduleService } from './reminders-schedule.service';

/** Requirement reminders, the HR weekly digest and the inbox purge, run daily. */
@Module({
  providers: [
    NotificationsService,
    DailyRemindersService,
    RemindersScheduleService,
    NotificationsProcessor,
  ],
  exports: [NotificationsService, DailyRemindersService],
})
export class RemindersJobsModule {}
