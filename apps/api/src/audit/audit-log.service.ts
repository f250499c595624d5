import type { AuditLogEntryResponse, CappedPaginated } from '@dx/contracts';
import { AuditLogEntity } from '@dx/db';
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
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (q.actorId) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.targetType = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.targetId = :targetId', { targetId: q.targetId });
    if (q.from) qb.andWhere(`a.at >= ${this.instant('from', q.from)}`, { from: q.from });
    if (q.to) qb.andWhere(`a.at < ${this.instant('to', q.to)}`, { to: q.to });
    qb.setParameter('tz', this.config.reportsTimeZone);
    // Counted in list order, so the count walks the same index as the pages and stops
    // one entry past the limit.
    const [countSql, countParams] = qb
      .clone()
      .select('1')
      .orderBy('a.at', 'DESC')
      .getQueryAndParameters();
    const { total, totalExact } = await cappedTotal(this.db, countSql, countParams, q);
    const items = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(q.offset)
      .take(q.pageSize)
      .getMany();
    return { ...paginated(items.map(toAuditLogEntry), total, q), totalExact };
  }

  /** A bare date means the start of that day where the ministry is (TZ_REPORTS). */
  private instant(param: string, value: string): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `(CAST(CAST(:${param} AS date) AS timestamp) AT TIME ZONE :tz)`
      : `CAST(:${param} AS timestamptz)`;
  }
}
