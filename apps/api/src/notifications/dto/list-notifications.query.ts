import type { NotificationListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListNotificationsQuery extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ description: 'true: only the unread ones' })
  @IsOptional()
  // Query strings are text: only the words true/false are accepted, anything else is a 400.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
