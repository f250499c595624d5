import type {
  NotificationList,
  NotificationPreferences,
  SentNotificationList,
} from '@dx/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../http/page-query.dto';
import { uuidParam } from '../http/uuid-param.pipe';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { UpdateNotificationPreferencesDto } from './dto/update-notification-preferences.dto';
import { NotificationsInboxService } from './notifications-inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly inbox: NotificationsInboxService) {}

  @Get('me/notifications')
  @ApiOperation({ summary: 'Your notifications, newest first, with the unread count' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListNotificationsQuery,
  ): Promise<NotificationList> {
    return this.inbox.list(user, q);
  }

  @Get('me/notifications/unread-count')
  @ApiOperation({ summary: 'How many of your notifications are unread (the bell)' })
  unreadCount(@CurrentUser() user: AuthUser): Promise<{ unread: number }> {
    return this.inbox.unreadCount(user);
  }

  @Post('me/notifications/read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiNoContentResponse({ description: 'Done' })
  markAllRead(@CurrentUser() user: AuthUser): Promise<void> {
    return this.inbox.markAllRead(user);
  }

  @Post('me/notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiNoContentResponse({ description: 'Done (also when it was read already)' })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  markRead(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.inbox.markRead(user, id);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'Which optional kinds of notification you receive by mail' })
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.inbox.preferences(user);
  }

  @Put('me/notification-preferences')
  @ApiOperation({
    summary: 'Choose which optional kinds are mailed (they stay in the app either way)',
  })
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.inbox.updatePreferences(user, body.items);
  }

  @Get('users/:id/notifications')
  @Roles('hr')
  @ApiOperation({
    summary: 'What was sent to a person, with each mail’s fate (hr in scope, sysadmin)',
    description:
      '`reminders` counts the requirement reminders kept (12 months), `remindersThisYear` those sent this calendar year ("đã nhắc 3 lần"), `lastReminderAt` when the last was sent.',
  })
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  sentTo(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() q: PageQueryDto,
  ): Promise<SentNotificationList> {
    return this.inbox.sentTo(caller, id, q);
  }
}
