import { activationSlipsJobId } from '@dx/contracts';
import { issueActivationCodes } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import * as argon2 from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Factories } from '../../test/factories';
import { callerUser } from '../support/world';
import { CheckContext, everyone, inScope, RuleTable } from './rule';

const NEW_PASSWORD = 'Cây đa giếng nước sân đình';

/** The caller's own account; anonymous speaks for the inside learner. */
const who = (c: CheckContext) =>
  c.caller === 'anonymous' ? c.w.inside.learner : callerUser(c.w, c.caller);

/** A fresh person of the side with a valid activation code. */
async function personWithCode(c: CheckContext): Promise<{ username: string; code: string }> {
  const person = await c.w.fresh.user(c.side);
  const [code] = await c.w.t.db.transaction((tx) =>
    issueActivationCodes(tx, {
      userIds: [person.id],
      issuedBy: null,
      expiresAt: new Date(Date.now() + 3_600_000),
      serverSecret: c.w.t.config.jwt.secret,
    }),
  );
  return { username: person.username, code };
}

/** A fresh person of the side with a valid password-reset token (as if mailed). */
async function resetToken(c: CheckContext): Promise<string> {
  const person = await c.w.fresh.user(c.side);
  const token = randomBytes(32).toString('base64url');
  await c.w.t.db.query(
    `INSERT INTO password_reset_token (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '30 minutes')`,
    [person.id, createHash('sha256').update(token).digest('hex')],
  );
  return token;
}

/** A unit's activation slips as the worker leaves them: row completed, both files stored. */
async function completedSlips(c: CheckContext): Promise<string> {
  const id = randomUUID();
  const storage = c.w.t.app.get<FileStorage>(FILE_STORAGE);
  const pdfKey = `exports/activation-slips/trust-${id}.pdf`;
  const xlsxKey = `exports/activation-slips/trust-${id}.xlsx`;
  await storage.put(pdfKey, Buffer.from('%PDF-1.3\n%%EOF\n'));
  await storage.put(xlsxKey, Buffer.from('PK\u0005\u0006'));
  const u = c.side.unit;
  await c.w.t.db.query(
    `INSERT INTO file_job (id, kind, org_unit_id, unit_path, unit_code, unit_name, requested_by,
            state, progress, count, expires_at, pdf_key, xlsx_key, finished_at)
     VALUES ($1, 'activation_slips', $2, $3, $4, $5, NULL, 'completed', 100, 0, now() + interval '14 days', $6, $7, now())`,
    [id, u.id, u.path, u.code, u.name, pdfKey, xlsxKey],
  );
  return activationSlipsJobId(id);
}

const SLIPS_FOLLOW = { learner: 403, trainer: 403, hr: inScope(200), sysadmin: 200 } as const;

/** Activation, passwords and the people-management endpoints of accounts. */
export const ACCOUNT_RULES: RuleTable = {
  'POST /api/users/{id}/activation': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({ params: { id: (await c.w.fresh.user(c.side)).id } }),
  },
  'POST /api/activation-slips': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 202 },
    learner: 403,
    trainer: 403,
    hr: inScope(202),
    sysadmin: 202,
    request: (c) => ({ body: { orgUnitId: c.side.unit.id } }),
  },
  'GET /api/activation-slips/{jobId}': {
    ...SLIPS_FOLLOW,
    request: async (c) => ({ params: { jobId: await completedSlips(c) } }),
  },
  'GET /api/activation-slips/{jobId}/pdf': {
    ...SLIPS_FOLLOW,
    request: async (c) => ({ params: { jobId: await completedSlips(c) } }),
  },
  'GET /api/activation-slips/{jobId}/xlsx': {
    ...SLIPS_FOLLOW,
    request: async (c) => ({ params: { jobId: await completedSlips(c) } }),
  },
  'PATCH /api/users/{id}': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.user(c.side)).id },
      body: { jobTitle: 'Chuyên viên chính', dxRole: 'part_time' },
    }),
  },
  // The same PATCH, each power of #13 on its own: roles, sysadmin, transfer (from today,
  // the default effective date), deactivation.
  'PATCH /api/users/{id} · roles': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.user(c.side)).id },
      body: { roles: ['learner', 'trainer'] },
    }),
  },
  // A personal identifier (the OIDC link when OIDC_LINK_FIELD=national_id): people managers only.
  'PATCH /api/users/{id} · national ID': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.user(c.side)).id },
      body: { nationalId: String(Math.floor(Math.random() * 1e12)).padStart(12, '0') },
    }),
  },
  // Refused before the person is looked up: hr never learns who exists outside its scope.
  'PATCH /api/users/{id} · grant sysadmin': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: 403,
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.user(c.side)).id },
      body: { roles: ['learner', 'sysadmin'] },
    }),
  },
  'PATCH /api/users/{id} · transfer': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.user(c.side)).id },
      body: { orgUnitId: c.side.unit.id },
    }),
  },
  // Someone of the addressed side sent to the other province: hr may not give people away
  // (403 naming the unit), nor take them from outside (404, not seen).
  'PATCH /api/users/{id} · transfer across provinces': {
    learner: 403,
    trainer: 403,
    hr: [403, 404],
    sysadmin: 200,
    request: async (c) => {
      const other = c.sideName === 'inside' ? c.w.outside : c.w.inside;
      return {
        params: { id: (await c.w.fresh.user(c.side)).id },
        body: { orgUnitId: other.commune.id },
      };
    },
  },
  'PATCH /api/users/{id} · deactivate': {
    above: { learner: 403, trainer: 403, hr: 404, sysadmin: 200 },
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.user(c.side)).id },
      body: { active: false },
    }),
  },
  'POST /api/auth/activate': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => ({ body: { ...(await personWithCode(c)), newPassword: NEW_PASSWORD } }),
  },
  'POST /api/auth/password-reset': {
    unscoped: true,
    anonymous: 202,
    ...everyone(202),
    request: (c) => ({ body: { username: who(c).username } }),
  },
  'POST /api/auth/password-reset/confirm': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => ({ body: { token: await resetToken(c), newPassword: NEW_PASSWORD } }),
  },
  // The caller's password is first set to a known one, then changed back to the factories'
  // password, so every later sign-in of the matrix still works.
  'POST /api/me/password': {
    unscoped: true,
    ...everyone(204),
    request: async (c) => {
      const interim = 'Tạm thời đổi mật khẩu 1';
      await c.w.t.db.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [
        who(c).id,
        await argon2.hash(interim, { type: argon2.argon2id }),
      ]);
      return { body: { currentPassword: interim, newPassword: Factories.PASSWORD } };
    },
  },
};
