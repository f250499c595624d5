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

/**
 * A unit by id (what a certificate names of its issuer); throws EntityNotFoundError when it
 * does not exist, as the caller's foreign key promises it does.
 */
export function findUnitOrFail(m: EntityManager, id: string): Promise<OrgUnitEntity> {
  return m.findOneByOrFail(OrgUnitEntity, { id });
}
