import { Injectable } from '@nestjs/common';
import { reloadDemoOrgUnits } from '../org-units/demo/demo-org-units';
import { OrgUnitMergeService } from '../org-units/org-unit-merge.service';
import { flattenDemoTree } from './demo-org-units.data';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/**
 * Applies the demo reform's merges with the same code as POST /org-units/:id/merge, so the
 * history (edges, memberships, successors, today's paths) is exactly what real merges
 * leave. Per date, deeper units go first: wards into new wards and departments into their
 * counterparts before districts and provinces close.
 */
@Injectable()
export class DemoReformStep implements DemoSeedStep {
  readonly name = 'reform merges';

  constructor(private readonly merges: OrgUnitMergeService) {}

  async run(ctx: DemoSeedContext): Promise<void> {
    const id = (code: string) => {
      const unit = ctx.units.get(code);
      if (!unit) throw new Error(`Demo reform: unknown unit ${code}`);
      return unit.id;
    };
    const planned = flattenDemoTree()
      .flatMap((u) =>
        u.mergeInto
          ? [{ from: u.code, into: u.mergeInto.code, on: u.mergeInto.on, depth: u.depth }]
          : [],
      )
      .sort((a, b) => a.on.localeCompare(b.on) || b.depth - a.depth);
    for (const m of planned) {
      await this.merges.mergeWithin(ctx.tx, {
        unitId: id(m.from),
        targetId: id(m.into),
        effectiveDate: m.on,
      });
    }
    const ids = [...ctx.units.values()].map((u) => u.id);
    for (const [code, unit] of await reloadDemoOrgUnits(ctx.tx, ids)) ctx.units.set(code, unit);
  }
}
