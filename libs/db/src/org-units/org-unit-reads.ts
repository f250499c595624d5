import type { EntityManager } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/** The units with these codes (open or closed), in one query: a staff list names units by code. */
export function findOrgUnitsByCodes(m: EntityManager, codes: string[]): Promise<OrgUnitEntity[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return m
    .getRepository(OrgUnitEntity)
    .createQueryBuilder('unit')
    .where('unit.code = ANY(:codes)', { codes })
    .getMany();
}
