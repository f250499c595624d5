import type { AuditAction } from '@dx/contracts';
import { AuditLogEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';
import { currentRequestContext, RequestContext } from '../http/request-context';

export interface AuditEntry {
  action: AuditAction;
  targetType?: string;
  targetId?: string | null;
  orgUnitId?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the signed-in caller; `null` when the caller is not to be trusted as one. */
  actor?: RequestContext['actor'];
}

/**
 * Writes an audit entry with the caller, address and browser of the current request.
 * Call it with the action's own transaction, so an entry exists exactly when the action
 * committed.
 */
export async function recordAudit(tx: EntityManager, entry: AuditEntry): Promise<void> {
  const ctx = currentRequestContext();
  const actor = entry.actor === undefined ? (ctx?.actor ?? null) : entry.actor;
  const row = tx.create(AuditLogEntity, {
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    orgUnitId: entry.orgUnitId ?? null,
    ip: ctx?.ip?.slice(0, 64) ?? null,
    userAgent: ctx?.userAgent ?? null,
    details: entry.details ?? {},
  });
  await tx.save(row);
}
