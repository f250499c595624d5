import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

/** Filters of the audit log; each has an index behind it. */
export interface AuditLogFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** An instant, or a bare date (the start of that day in `timeZone`); inclusive. */
  from?: string;
  /** Same forms as `from`; exclusive. */
  to?: string;
}

/** The audit log as it is listed, newest first; named here so the national bench runs it too. */
export interface AuditLogQuery {
  /** Every matching entry in list order, for a capped count (cappedCountSql). */
  countSql: string;
  countParams: unknown[];
  /** One page of entries. */
  page: (offset: number, limit: number) => Promise<AuditLogEntity[]>;
}

/** The filtered audit log; bare dates are days in `timeZone` (TZ_REPORTS). */
export function auditLogQuery(
  m: EntityManager,
  f: AuditLogFilter,
  timeZone: string,
): AuditLogQuery {
  const qb = m.getRepository(AuditLogEntity).createQueryBuilder('a');
  if (f.actorId) qb.andWhere('a.actorId = :actorId', { actorId: f.actorId });
  if (f.action) qb.andWhere('a.action = :action', { action: f.action });
  if (f.targetType) qb.andWhere('a.targetType = :targetType', { targetType: f.targetType });
  if (f.targetId) qb.andWhere('a.targetId = :targetId', { targetId: f.targetId });
  if (f.from) qb.andWhere(`a.at >= ${instant('from', f.from)}`, { from: f.from });
  if (f.to) qb.andWhere(`a.at < ${instant('to', f.to)}`, { to: f.to });
  qb.setParameter('tz', timeZone);
  // Counted in list order, so the count walks the same index as the pages and stops
  // one entry past the limit.
  const [countSql, countParams] = qb
    .clone()
    .select('1')
    .orderBy('a.at', 'DESC')
    .getQueryAndParameters();
  return {
    countSql,
    countParams,
    page: (offset, limit) =>
      qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').skip(offset).take(limit).getMany(),
  };
}

/** A bare date means the start of that day where the ministry is (`:tz`). */
function instant(param: string, value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `(CAST(CAST(:${param} AS date) AS timestamp) AT TIME ZONE :tz)`
    : `CAST(:${param} AS timestamptz)`;
}
