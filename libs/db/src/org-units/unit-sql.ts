import type { EntityManager } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/*
 * The org-units feature's pieces of other features' SQL: a read that genuinely needs a unit
 * beside its own rows (its owner's name, its path for a scope test) composes these instead
 * of naming the table, so the unit's columns stay this feature's business and the joins
 * stay set-based (one statement, the same plan as the hand-written join).
 */

/** `JOIN org_unit <alias> ON <alias>.id = <unitIdExpr>`, with `and` added to the condition. */
export function orgUnitJoin(alias: string, unitIdExpr: string, and?: string): string {
  return `JOIN org_unit ${alias} ON ${alias}.id = ${unitIdExpr}${and ? ` AND ${and}` : ''}`;
}

/** One unit's materialised path (`/id/id/`), or no row ($1 unit). */
export const UNIT_PATH_SQL = 'SELECT path FROM org_unit WHERE id = $1';

/**
 * A unit by id (what a certificate names of its issuer); throws EntityNotFoundError when it
 * does not exist, as the caller's foreign key promises it does.
 */
export function findUnitOrFail(m: EntityManager, id: string): Promise<OrgUnitEntity> {
  return m.findOneByOrFail(OrgUnitEntity, { id });
}
