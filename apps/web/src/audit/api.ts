import type { AuditLogEntryResponse, Paginated } from '@dx/contracts';
import { api } from '../api/client';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action: string;
  targetType: string;
  actorId: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive here; the API's `to` is exclusive, so the next day is sent. */
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  action: '',
  targetType: '',
  actorId: '',
  from: '',
  to: '',
};

/** The day after a YYYY-MM-DD date, in the same form (calendar arithmetic in UTC). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Query string of `GET /api/audit-log` for these filters (empty ones left out). */
export function auditQuery(filters: AuditFilters, page: number): URLSearchParams {
  const params = new URLSearchParams({ page: String(page), pageSize: String(AUDIT_PAGE_SIZE) });
  if (filters.action) params.set('action', filters.action);
  if (filters.targetType) params.set('targetType', filters.targetType);
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', nextDay(filters.to));
  return params;
}

export function fetchAuditLog(
  filters: AuditFilters,
  page: number,
  signal?: AbortSignal,
): Promise<Paginated<AuditLogEntryResponse>> {
  return api.get<Paginated<AuditLogEntryResponse>>('/audit-log', {
    query: auditQuery(filters, page),
    signal,
  });
}
