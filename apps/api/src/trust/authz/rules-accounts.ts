import { issueActivationCodes } from '@dx/db';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
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
