import { MfaChallengeTokens } from '../../auth/mfa/mfa-challenge-tokens.service';
import { MfaService } from '../../auth/mfa/mfa.service';
import { newTotpSecret, totpCode } from '../../auth/mfa/totp';
import { callerUser } from '../support/world';
import { CheckContext, everyone, RuleTable } from './rule';

/** The caller's own account; anonymous speaks for the inside learner. */
const who = (c: CheckContext) =>
  c.caller === 'anonymous' ? c.w.inside.learner : callerUser(c.w, c.caller);

/** Gives `userId` an enabled factor afresh (whatever an earlier check left) and its code. */
async function enrolled(c: CheckContext, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await c.w.t.db.query(
    `INSERT INTO user_mfa (user_id, secret, enabled_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET secret = $2, enabled_at = now(), last_used_step = NULL`,
    [userId, secret],
  );
  return totpCode(secret);
}

/** Removes the caller's factor, so set-up starts from nothing. */
async function notEnrolled(c: CheckContext, userId: string): Promise<void> {
  await c.w.t.db.query(`DELETE FROM user_mfa WHERE user_id = $1`, [userId]);
}

const challenge = (c: CheckContext, userId: string, purpose: 'verify' | 'setup') =>
  c.w.t.app.get(MfaChallengeTokens).sign(userId, purpose);

/**
 * The TOTP second factor (the sign-in steps, one's own factor, the sysadmin reset) and single
 * sign-on when it is switched off.
 */
export const MFA_RULES: RuleTable = {
  'POST /api/auth/mfa/verify': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => {
      const person = await c.w.fresh.user(c.side);
      const code = await enrolled(c, person.id);
      return { body: { mfaToken: await challenge(c, person.id, 'verify'), code } };
    },
  },
  'POST /api/auth/mfa/setup': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => {
      const person = await c.w.fresh.user(c.side);
      return { body: { mfaToken: await challenge(c, person.id, 'setup') } };
    },
  },
  'POST /api/auth/mfa/enable': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => {
      const person = await c.w.fresh.user(c.side);
      const { secret } = await c.w.t.app.get(MfaService).begin(person);
      return {
        body: { mfaToken: await challenge(c, person.id, 'setup'), code: totpCode(secret) },
      };
    },
  },
  'GET /api/me/mfa': { unscoped: true, ...everyone(200) },
  'POST /api/me/mfa/setup': {
    unscoped: true,
    ...everyone(200),
    request: async (c) => (await notEnrolled(c, who(c).id), {}),
  },
  'POST /api/me/mfa/enable': {
    unscoped: true,
    ...everyone(200),
    request: async (c) => {
      await notEnrolled(c, who(c).id);
      const { secret } = await c.w.t.app.get(MfaService).begin(who(c));
      return { body: { code: totpCode(secret) } };
    },
  },
  'POST /api/me/mfa/recovery-codes': {
    unscoped: true,
    ...everyone(200),
    request: async (c) => ({ body: { code: await enrolled(c, who(c).id) } }),
  },
  // The matrix runs with no role requiring a second factor, so everyone may switch it off.
  'POST /api/me/mfa/disable': {
    unscoped: true,
    ...everyone(204),
    request: async (c) => ({ body: { code: await enrolled(c, who(c).id) } }),
  },
  // Single sign-on switched off (no OIDC_ISSUER): only its status answers. Switched on, with
  // a real provider: OIDC_RULES.
  'GET /api/auth/oidc · switched off': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: () => ({ answer: (res) => (res.body?.enabled === false ? null : 'enabled') }),
  },
  'GET /api/auth/oidc/start · switched off': { unscoped: true, anonymous: 404, ...everyone(404) },
  'GET /api/auth/oidc/callback · switched off': {
    unscoped: true,
    anonymous: 404,
    ...everyone(404),
    request: () => ({ query: { code: 'abc', state: 'def' } }),
  },
  'POST /api/auth/oidc/exchange · switched off': {
    unscoped: true,
    anonymous: 404,
    ...everyone(404),
    request: () => ({ body: { code: 'not-a-code' } }),
  },
  'DELETE /api/users/{id}/mfa': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 204 },
    learner: 403,
    trainer: 403,
    hr: 403,
    sysadmin: 204,
    request: async (c) => {
      const person = await c.w.fresh.user(c.side);
      await enrolled(c, person.id);
      return { params: { id: person.id } };
    },
  },
};
