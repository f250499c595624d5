import {
  NotificationType,
  OPTIONAL_NOTIFICATION_TYPES,
  type NotificationPreference,
  type NotificationPreferences,
} from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';

export class NotificationPreferenceDto implements NotificationPreference {
  @ApiProperty({ enum: OPTIONAL_NOTIFICATION_TYPES })
  @IsIn(OPTIONAL_NOTIFICATION_TYPES as NotificationType[])
  type: NotificationType;

  @ApiProperty({ description: 'false: this kind stays in the app and is not mailed' })
  @IsBoolean()
  mail: boolean;
}

export class UpdateNotificationPreferencesDto implements NotificationPreferences {
  @ApiProperty({ type: [NotificationPreferenceDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceDto)
  items: NotificationPreferenceDto[];
}
