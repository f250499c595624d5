import type { PersonalDataExport } from '@dx/contracts';
import { AuditLogEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';
import { toAuditLogEntry } from './audit-log.mapper';

/**
 * The audit feature's part of a person's data export (Law 91/2025): what they did, oldest
 * first. The privacy feature composes every owner's part in one transaction.
 */
export async function exportAuditEntries(
  tx: EntityManager,
  userId: string,
): Promise<PersonalDataExport['auditEntries']> {
  const rows = await tx.find(AuditLogEntity, { where: { actorId: userId }, order: { at: 'ASC' } });
  return rows.map(toAuditLogEntry);
}
