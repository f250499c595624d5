import type { AuditLogEntryResponse, Paginated } from '@dx/contracts';
import { AuditLogEntity } from '@dx/db';
import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { paginated } from '../http/page-query.dto';
import { toAuditLogEntry } from './audit-log.mapper';
import { ListAuditLogQuery } from './dto/list-audit-log.query';

/**
 * Entries counted beyond the page asked for. The log only grows, so an exact total of
 * everything would read the whole index on every visit; past this many the total is a
 * lower bound instead.
 */
export const AUDIT_LOG_COUNT_LIMIT = 10_000;

/**
 * A page of the audit log. `total` is exact when `totalExact` is true; otherwise at least
 * that many entries match (offset + AUDIT_LOG_COUNT_LIMIT), so there is always a next page
 * to offer while one exists.
 */
export interface AuditLogPage extends Paginated<AuditLogEntryResponse> {
  totalExact: boolean;
}

/** Reading the audit log, newest first; every filter has an index behind it. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: ListAuditLogQuery): Promise<AuditLogPage> {
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
    const limit = q.offset + AUDIT_LOG_COUNT_LIMIT;
    const [countSql, countParams] = qb
      .clone()
      .select('1')
      .orderBy('a.at', 'DESC')
      .limit(limit + 1)
      .getQueryAndParameters();
    const [{ counted }] = await this.db.query(
      `SELECT count(*)::int AS counted FROM (${countSql}) capped`,
      countParams,
    );
    const items = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(q.offset)
      .take(q.pageSize)
      .getMany();
    const totalExact = counted <= limit;
    const page = paginated(items.map(toAuditLogEntry), totalExact ? counted : limit, q);
    return { ...page, totalExact };
  }

  /** A bare date means the start of that day where the ministry is (TZ_REPORTS). */
  private instant(param: string, value: string): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `(CAST(CAST(:${param} AS date) AS timestamp) AT TIME ZONE :tz)`
      : `CAST(:${param} AS timestamptz)`;
  }
}
