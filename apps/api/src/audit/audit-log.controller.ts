import type { AuditLogEntryResponse, Paginated } from '@dx/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AuditLogService } from './audit-log.service';
import { ListAuditLogQuery } from './dto/list-audit-log.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @Roles('sysadmin')
  @ApiOperation({
    summary: 'Administrative actions, newest first (sysadmin): who, what, when, from where',
  })
  list(@Query() q: ListAuditLogQuery): Promise<Paginated<AuditLogEntryResponse>> {
    return this.audit.list(q);
  }
}
