import { Injectable } from '@nestjs/common';
import { insertDemoOrgUnits } from '../org-units/demo/demo-org-units';
import { DEMO_HISTORY_START, flattenDemoTree } from './demo-org-units.data';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/**
 * Every demo unit as it was created, all open: units closed by the reform exist from
 * 2020 under their original parents, units formed by it from the reform date. The reform
 * step then closes and moves them with the real merge logic.
 */
@Injectable()
export class DemoOrgUnitsStep implements DemoSeedStep {
  readonly name = 'org units';

  async run(ctx: DemoSeedContext): Promise<void> {
    const units = await insertDemoOrgUnits(
      ctx.tx,
      flattenDemoTree().map((d) => ({
        code: d.code,
        name: d.name,
        parentCode: d.parentCode,
        depth: d.depth,
        validFrom: d.validFrom ?? DEMO_HISTORY_START,
      })),
    );
    for (const [code, unit] of units) ctx.units.set(code, unit);
  }
}
