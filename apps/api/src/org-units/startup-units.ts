import { OrgUnitEdgeEntity, OrgUnitEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Whether the tree has any unit at all: the demo seed loads only into an empty one. */
export async function hasAnyOrgUnit(m: EntityManager): Promise<boolean> {
  const [{ found }] = await m.query('SELECT EXISTS (SELECT 1 FROM org_unit) AS found');
  return found;
}

/**
 * The first open root unit; a fresh database gets one ("ROOT", open since 1900) so the
 * start-up sysadmin belongs somewhere. In the caller's transaction.
 */
export async function ensureRootUnit(
  tx: EntityManager,
): Promise<Pick<OrgUnitEntity, 'id' | 'code'>> {
  const existing = await tx
    .getRepository(OrgUnitEntity)
    .createQueryBuilder('u')
    .where('u.parentId IS NULL AND u.validTo IS NULL')
    .orderBy('u.createdAt', 'ASC')
    .getOne();
  if (existing) return existing;
  const id = randomUUID();
  const unit = tx.create(OrgUnitEntity, {
    id,
    code: 'ROOT',
    name: 'Đơn vị gốc',
    parentId: null,
    path: `/${id}/`,
    depth: 0,
    validFrom: '1900-01-01',
  });
  await tx.insert(OrgUnitEntity, unit);
  await tx.insert(OrgUnitEdgeEntity, { unitId: id, parentId: null, validFrom: '1900-01-01' });
  return unit;
}
