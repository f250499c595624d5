import { NotificationsService } from '@dx/db';
import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsInboxService } from './notifications-inbox.service';

/**
 * The in-app inbox. Features that notify (certificates, reports) import this module and
 * call `NotificationsService.notify(tx, …)` inside their own transaction.
 */
@Module({
  imports: [OrgUnitsModule],
  controllers: [NotificationsController],
  providers: [NotificationsInboxService, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
