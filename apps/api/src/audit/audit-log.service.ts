import type { AuditLogEntryResponse, CappedPaginated } from '@dx/contracts';
import { auditLogQuery } from '@dx/db';
import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cappedTotal, paginated } from '../http/page-query.dto';
import { toAuditLogEntry } from './audit-log.mapper';
import { ListAuditLogQuery } from './dto/list-audit-log.query';

/** Reading the audit log, newest first; every filter has an index behind it. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: ListAuditLogQuery): Promise<CappedPaginated<AuditLogEntryResponse>> {
    const log = auditLogQuery(this.db.manager, q, this.config.reportsTimeZone);
    const { total, totalExact } = await cappedTotal(this.db, log.countSql, log.countParams, q);
    const items = await log.page(q.offset, q.pageSize);
    return { ...paginated(items.map(toAuditLogEntry), total, q), totalExact };
  }
}
