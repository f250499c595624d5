import type { AuditLogEntryResponse } from '@dx/contracts';
import type { AuditLogEntity } from '@dx/db';

export function toAuditLogEntry(e: AuditLogEntity): AuditLogEntryResponse {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    orgUnitId: e.orgUnitId,
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details,
  };
}
