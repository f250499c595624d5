import { everyone, inScope, RuleTable } from './rule';

const thisYear = () => new Date().getUTCFullYear();

/** The yearly cycle: requirements, recorded training, people reports. */
export const TRAINING_RULES: RuleTable = {
  // hr names a unit of its subtree; one outside it is a write not allowed (403).
  'POST /api/requirements': {
    learner: 403,
    trainer: 403,
    hr: [201, 403],
    sysadmin: 201,
    request: (c) => ({
      body: {
        year: thisYear(),
        orgUnitId: c.side.commune.id,
        dxRoles: ['full_time'],
        hours: 4,
        dueDate: `${thisYear()}-12-31`,
      },
    }),
  },
  'GET /api/requirements': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { orgUnitId: c.side.unit.id, year: thisYear() } }),
  },
  'GET /api/me/requirements': { unscoped: true, ...everyone(200) },
};
