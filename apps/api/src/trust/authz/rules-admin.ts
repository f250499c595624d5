import { OrgUnitMergeEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { Factories } from '../../test/factories';
import { callerUser } from '../support/world';
import { CheckContext, everyone, inScope, RuleTable } from './rule';

const today = () => new Date().toISOString().slice(0, 10);
const lastYear = () => new Date().getUTCFullYear() - 1;

/** The caller's own account; anonymous speaks for the inside learner. */
const who = (c: CheckContext) =>
  c.caller === 'anonymous' ? c.w.inside.learner : callerUser(c.w, c.caller);

async function refreshTokenOf(c: CheckContext): Promise<string> {
  const res = await c.w.t.http
    .post('/api/auth/login')
    .send({ username: who(c).username, password: Factories.PASSWORD });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  return res.body.refreshToken;
}

const csv = (c: CheckContext) =>
  Buffer.from(
    'username,fullName,email,dateOfBirth,orgUnitCode,jobTitle,dxRole\n' +
      `nhap.${randomSuffix()},Đặng Thị Nhập,,1990-05-01,${c.side.commune.code},Công chức,full_time\n`,
    'utf8',
  );

/** Sign-in, people, org units, reports, operations, audit and personal data. */
export const ADMIN_RULES: RuleTable = {
  'POST /api/auth/login': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: (c) => ({ body: { username: who(c).username, password: Factories.PASSWORD } }),
  },
  'POST /api/auth/refresh': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => ({ body: { refreshToken: await refreshTokenOf(c) } }),
  },
  'POST /api/auth/logout': {
    unscoped: true,
    anonymous: 204,
    ...everyone(204),
    request: async (c) => ({ body: { refreshToken: await refreshTokenOf(c) } }),
  },
  'GET /api/me': { unscoped: true, ...everyone(200) },
  'GET /api/me/data-export': { unscoped: true, ...everyone(200) },
  'GET /api/health': { unscoped: true, anonymous: 200, ...everyone(200) },

  'POST /api/org-units': {
    learner: 403,
    trainer: 403,
    hr: 403,
    sysadmin: 201,
    request: (c) => ({
      body: {
        code: `DV-${randomSuffix().toUpperCase()}`,
        name: 'Phường Mới',
        parentId: c.side.unit.id,
      },
    }),
  },
  'GET /api/org-units': {
    ...everyone(inScope(200)),
    sysadmin: 200,
    request: (c) => ({ query: { parentId: c.side.unit.id } }),
  },
  'GET /api/me/org-unit': { unscoped: true, ...everyone(200) },
  'GET /api/org-units/{id}': {
    above: { learner: 404, trainer: 404, hr: 404, sysadmin: 200 },
    ...everyone(inScope(200)),
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.commune.id } }),
  },
  'PATCH /api/org-units/{id}': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => {
      const [unit] = await c.w.fresh.unitPair(c.side);
      return { params: { id: unit.id }, body: { name: `${unit.name} (tên mới)` } };
    },
  },
  'POST /api/org-units/{id}/merge': {
    learner: 403,
    trainer: 403,
    hr: 403,
    sysadmin: 200,
    request: async (c) => {
      const [from, into] = await c.w.fresh.unitPair(c.side);
      return { params: { id: from.id }, body: { targetId: into.id, effectiveDate: today() } };
    },
  },
  'DELETE /api/org-units/{id}/merge': {
    learner: 403,
    trainer: 403,
    hr: 403,
    sysadmin: 204,
    request: async (c) => {
      const [from, into] = await c.w.fresh.unitPair(c.side);
      await c.w.t.db.getRepository(OrgUnitMergeEntity).insert({
        unitId: from.id,
        targetId: into.id,
        effectiveDate: '2999-01-01',
        status: 'pending',
      });
      return { params: { id: from.id } };
    },
  },

  'POST /api/users': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 201 },
    learner: 403,
    trainer: 403,
    hr: [201, 403],
    sysadmin: 201,
    request: (c) => ({
      body: {
        username: `moi.${randomSuffix()}`,
        password: 'Mat-khau-rat-dai-2026',
        fullName: 'Hoàng Văn Mới',
        orgUnitId: c.side.commune.id,
        dxRole: 'full_time',
      },
    }),
  },
  'GET /api/users': {
    above: { learner: 403, trainer: 404, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: inScope(200),
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { orgUnitId: c.side.unit.id } }),
  },
  // Rows of units outside the caller's scope are row errors inside a 200, by contract.
  'POST /api/users/import': {
    learner: 403,
    trainer: 403,
    hr: 200,
    sysadmin: 200,
    request: (c) => ({
      file: { field: 'file', content: csv(c), filename: 'nhan-su.csv', contentType: 'text/csv' },
    }),
  },
  'DELETE /api/users/{id}': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 204 },
    learner: 403,
    trainer: 403,
    hr: inScope(204),
    sysadmin: 204,
    request: async (c) => ({ params: { id: (await c.w.fresh.user(c.side)).id } }),
  },

  'POST /api/reports/coverage': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 202 },
    learner: 403,
    trainer: 403,
    hr: inScope(202),
    sysadmin: 202,
    request: (c) => ({ body: { year: lastYear(), orgUnitId: c.side.unit.id } }),
  },
  'GET /api/reports/coverage': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { orgUnitId: c.side.unit.id } }),
  },
  'GET /api/reports/coverage/jobs/{jobId}': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ params: { jobId: c.side.reportJobId } }),
  },
  'GET /api/reports/coverage/{reportId}': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ params: { reportId: c.side.reportId } }),
  },
  'GET /api/reports/coverage/{reportId}/export': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ params: { reportId: c.side.reportId }, query: { format: 'csv' } }),
  },

  'POST /api/system/ping': { unscoped: true, ...everyone(403), sysadmin: 202 },
  'GET /api/system/ping/{jobId}': {
    unscoped: true,
    ...everyone(403),
    sysadmin: 200,
    request: (c) => ({ params: { jobId: c.w.pingJobId } }),
  },
  'GET /api/system/queues': { unscoped: true, ...everyone(403), sysadmin: 200 },
  'GET /api/system/queues/{name}/jobs': {
    unscoped: true,
    ...everyone(403),
    sysadmin: 200,
    request: () => ({ params: { name: 'system' } }),
  },
  'POST /api/system/queues/{name}/jobs/{jobId}/retry': {
    unscoped: true,
    ...everyone(403),
    sysadmin: 204,
    request: (c) => ({ params: { name: 'system', jobId: c.w.failedJobId } }),
  },
  'GET /api/audit-log': { unscoped: true, ...everyone(403), sysadmin: 200 },
};
