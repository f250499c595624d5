import { insertChunks, OrgUnitEdgeEntity, OrgUnitEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';

/** A unit as the demo seed's other steps need it (ids for their rows, names for certificates). */
export type DemoOrgUnit = Pick<OrgUnitEntity, 'id' | 'code' | 'name' | 'path' | 'validFrom'>;

/** One unit of a demo tree, listed after its parent. */
export interface DemoOrgUnitSpec {
  code: string;
  name: string;
  parentCode: string | null;
  depth: number;
  validFrom: string;
}

/**
 * Writes a whole demo tree at once (one INSERT per 500 units and edges), every unit open
 * from its `validFrom` under its parent: the seed's reform step then closes and moves units
 * through the real merge logic. Returns the units by code.
 */
export async function insertDemoOrgUnits(
  tx: EntityManager,
  specs: readonly DemoOrgUnitSpec[],
): Promise<Map<string, DemoOrgUnit>> {
  const byCode = new Map<string, DemoOrgUnit>();
  const units: OrgUnitEntity[] = [];
  const edges: OrgUnitEdgeEntity[] = [];
  for (const s of specs) {
    const parent = s.parentCode ? byCode.get(s.parentCode) : undefined;
    if (s.parentCode && !parent)
      throw new Error(`Demo unit ${s.code}: parent ${s.parentCode} comes later`);
    const id = randomUUID();
    const unit = tx.create(OrgUnitEntity, {
      id,
      code: s.code,
      name: s.name.normalize('NFC'),
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: s.depth,
      validFrom: s.validFrom,
      validTo: null,
      successorId: null,
    });
    units.push(unit);
    edges.push(
      tx.create(OrgUnitEdgeEntity, {
        unitId: id,
        parentId: unit.parentId,
        validFrom: s.validFrom,
        validTo: null,
      }),
    );
    byCode.set(s.code, unit);
  }
  await insertChunks(tx, OrgUnitEntity, units);
  await insertChunks(tx, OrgUnitEdgeEntity, edges);
  return byCode;
}

/** The units as they stand now (after merges moved and closed some), by code. */
export async function reloadDemoOrgUnits(
  tx: EntityManager,
  ids: readonly string[],
): Promise<Map<string, DemoOrgUnit>> {
  const units = await tx.findBy(OrgUnitEntity, { id: In([...ids]) });
  return new Map(units.map((u) => [u.code, u]));
}
