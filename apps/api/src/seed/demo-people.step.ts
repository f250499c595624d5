import type { DxRole, Role } from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import { DemoPersonSpec, insertDemoPeople } from '../users/demo/demo-people';
import { DEMO_HISTORY_START, FlatDemoUnit, flattenDemoTree } from './demo-org-units.data';
import {
  DEMO_ACCOUNTS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  JOB_TITLES,
  MIDDLE_NAMES,
} from './demo-people.data';
import { DemoRandom } from './demo-random';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/** From this date some people became DX staff: earlier years' reports count fewer. */
const DX_PROGRAMME_START = '2024-01-01';

export interface DemoPerson {
  username: string;
  fullName: string;
  email: string;
  dateOfBirth: string | null;
  jobTitle: string;
  unitCode: string;
  dxRole: DxRole;
  /** Not DX staff before DX_PROGRAMME_START. */
  joinedDxLater: boolean;
}

/** "Nguyễn Thị Thu Hường" → "huong.ntt": given name, then initials, ASCII only. */
export function demoUsername(fullName: string): string {
  const words = fullName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .split(/\s+/);
  const given = words.pop() ?? '';
  return `${given}.${words.map((w) => w[0]).join('')}`;
}

/**
 * About 200 people spread over the demo units, with realistic Vietnamese names, titles,
 * birth dates and a 40/30/30 mix of full-time, part-time and no DX role. The same seed
 * always gives the same people.
 */
export function generateDemoPeople(
  units: FlatDemoUnit[] = flattenDemoTree(),
  seed = 2026,
): DemoPerson[] {
  const rnd = new DemoRandom(seed);
  const taken = new Set(DEMO_ACCOUNTS.map((a) => a.username));
  const slots = units.flatMap((u) => Array.from({ length: u.staff }, () => u));
  const n = slots.length;
  const fullTime = Math.round(n * 0.4);
  const partTime = Math.round(n * 0.3);
  const roles = rnd.shuffle(
    Array.from({ length: n }, (_, i): DxRole =>
      i < fullTime ? 'full_time' : i < fullTime + partTime ? 'part_time' : 'none',
    ),
  );
  return slots.map((unit, i) => {
    const sex = rnd.next() < 0.55 ? 'female' : 'male';
    const family = rnd.weighted(FAMILY_NAMES, ([, w]) => w)[0];
    const fullName =
      `${family} ${rnd.pick(MIDDLE_NAMES[sex])} ${rnd.pick(GIVEN_NAMES[sex])}`.normalize('NFC');
    const base = demoUsername(fullName);
    let username = base;
    for (let k = 2; taken.has(username); k++) username = `${base}${k}`;
    taken.add(username);
    const [jobTitle, , leader] = rnd.weighted(JOB_TITLES[unit.kind], ([, w]) => w);
    const year = leader ? rnd.int(1968, 1982) : rnd.int(1975, 2000);
    const dateOfBirth = `${year}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
    const dxRole = roles[i];
    return {
      username,
      fullName,
      email: `${username}@${unit.mailDomain}`,
      dateOfBirth,
      jobTitle,
      unitCode: unit.code,
      dxRole,
      joinedDxLater: dxRole !== 'none' && rnd.next() < 0.2,
    };
  });
}

const pad = (v: number) => String(v).padStart(2, '0');

/** The demo accounts and the generated people, with their membership history. */
@Injectable()
export class DemoPeopleStep implements DemoSeedStep {
  readonly name = 'people';

  async run(ctx: DemoSeedContext): Promise<void> {
    const byCode = new Map(flattenDemoTree().map((u) => [u.code, u]));
    const people: (DemoPerson & { roles: Role[] })[] = [
      ...DEMO_ACCOUNTS.map((a) => ({
        username: a.username,
        fullName: a.fullName.normalize('NFC'),
        email: `${a.username}@${byCode.get(a.orgUnitCode)?.mailDomain ?? 'gov.example'}`,
        dateOfBirth: a.dateOfBirth,
        jobTitle: a.jobTitle,
        unitCode: a.orgUnitCode,
        dxRole: a.dxRole,
        joinedDxLater: false,
        roles: a.roles,
      })),
      ...generateDemoPeople().map((p) => ({ ...p, roles: ['learner'] as Role[] })),
    ];

    const specs: DemoPersonSpec[] = people.map(({ unitCode, joinedDxLater, ...p }) => {
      const unit = ctx.units.get(unitCode);
      if (!unit) throw new Error(`Demo person ${p.username}: unknown unit ${unitCode}`);
      const start = unit.validFrom > DEMO_HISTORY_START ? unit.validFrom : DEMO_HISTORY_START;
      const periods: [DxRole, string][] =
        joinedDxLater && start < DX_PROGRAMME_START
          ? [
              ['none', start],
              [p.dxRole, DX_PROGRAMME_START],
            ]
          : [[p.dxRole, start]];
      return {
        ...p,
        passwordHash: ctx.passwordHash,
        orgUnitId: unit.id,
        memberships: periods.map(([dxRole, validFrom], k) => ({
          orgUnitId: unit.id,
          dxRole,
          validFrom,
          validTo: periods[k + 1]?.[1] ?? null,
        })),
      };
    });
    const ids = await insertDemoPeople(ctx.tx, specs);
    for (const [username, id] of ids) ctx.users.set(username, id);
  }
}
