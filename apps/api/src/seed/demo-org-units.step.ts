import { OrgUnitEdgeEntity, OrgUnitEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEMO_HISTORY_START, flattenDemoTree } from './demo-org-units.data';
import { DemoSeedContext, DemoSeedStep, insertChunks } from './demo-seed.step';

/**
 * Every demo unit as it was created, all open: units closed by the reform exist from
 * 2020 under their original parents, units formed by it from the reform date. The reform
 * step then closes and moves them with the real merge logic.
 */
@Injectable()
export class DemoOrgUnitsStep implements DemoSeedStep {
  readonly name = 'org units';

  async run(ctx: DemoSeedContext): Promise<void> {
    const units: OrgUnitEntity[] = [];
    const edges: OrgUnitEdgeEntity[] = [];
    for (const d of flattenDemoTree()) {
      const parent = d.parentCode ? ctx.units.get(d.parentCode) : undefined;
      if (d.parentCode && !parent)
        throw new Error(`Demo unit ${d.code}: parent ${d.parentCode} comes later`);
      const id = randomUUID();
      const validFrom = d.validFrom ?? DEMO_HISTORY_START;
      const unit = ctx.tx.create(OrgUnitEntity, {
        id,
        code: d.code,
        name: d.name.normalize('NFC'),
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: d.depth,
        validFrom,
        validTo: null,
        successorId: null,
      });
      units.push(unit);
      edges.push(
        ctx.tx.create(OrgUnitEdgeEntity, {
          unitId: id,
          parentId: unit.parentId,
          validFrom,
          validTo: null,
        }),
      );
      ctx.units.set(d.code, unit);
    }
    await insertChunks(ctx.tx, OrgUnitEntity, units);
    await insertChunks(ctx.tx, OrgUnitEdgeEntity, edges);
  }
}
