import type { OidcTestProvider } from '@dx/testing';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import {
  OIDC_OTHER_REDIRECT,
  signInAtProvider,
  startOidcProvider,
} from '../../auth/oidc/oidc.fixtures';
import { FuzzRequest, LONG_QUERY_VALUE, UNICODE_WITH_NUL } from '../fuzz/fuzz-request';
import type { TrustService } from '../support/trust-app';
import { CheckContext, everyone, RuleTable } from './rule';

const CALLBACK = '/api/auth/oidc/callback';
const EXCHANGE = '/api/auth/oidc/exchange';

/** The real identity provider of the single sign-on suites: one per suite, every check. */
class SsoProvider implements TrustService {
  private provider?: OidcTestProvider;

  async start(): Promise<Record<string, string>> {
    // No accounts yet: each check signs in a fresh person, with their claims.
    const { provider, env } = await startOidcProvider({ accounts: {} });
    this.provider = provider;
    return env;
  }

  async stop(): Promise<void> {
    await this.provider?.stop();
    this.provider = undefined;
  }

  get current(): OidcTestProvider {
    if (!this.provider) throw new Error('the OIDC provider of the suite is not started');
    return this.provider;
  }
}

export const SSO_PROVIDER = new SsoProvider();

/** A fresh person of the side, signed in at the provider: they and the callback's query. */
async function atProvider(c: CheckContext, redirectUri?: string) {
  const person = await c.w.fresh.user(c.side);
  const back = await signInAtProvider(c.w.t, SSO_PROVIDER.current, `vneid-${person.id}`, {
    claims: { preferred_username: person.username },
    redirectUri,
  });
  return { person, query: back.searchParams };
}

/** What the web receives from a successful callback: the one-time code in /login/sso#code=. */
const webCode = (res: Response) =>
  new URLSearchParams(String(res.headers.location ?? '').split('#')[1] ?? '').get('code');

/** A fresh person who signed on: the one-time code the web trades for their session. */
async function signedOn(c: CheckContext) {
  const { person, query } = await atProvider(c);
  const code = webCode(await c.w.t.http.get(`${CALLBACK}?${query}`));
  if (!code) throw new Error('the callback of a good sign-on gave no code');
  return { person, code };
}

const refusal = (res: Response) =>
  res.status === 302 && String(res.headers.location).startsWith('/login/sso?error=');

const at = (label: string, query: URLSearchParams): FuzzRequest => ({
  label,
  path: `${CALLBACK}?${query}`,
});

/**
 * Callbacks a browser could be sent with, each from a sign-on of its own that the provider
 * completed, with one thing wrong: every one must be refused, and nothing written.
 */
async function badCallbacks(c: CheckContext): Promise<FuzzRequest[]> {
  const edits: [string, (q: URLSearchParams) => void][] = [
    ['a state we never sent', (q) => q.set('state', 'khong-phai-state-cua-chung-ta')],
    ['no state', (q) => q.delete('state')],
    ['the state given twice', (q) => q.append('state', q.get('state') ?? '')],
    ['unicode with a NUL byte as the state', (q) => q.set('state', UNICODE_WITH_NUL)],
    ['a 1,200-letter state', (q) => q.set('state', LONG_QUERY_VALUE)],
    ['a code the provider never issued', (q) => q.set('code', randomBytes(32).toString('hex'))],
    ['no code', (q) => q.delete('code')],
    ['the code given twice', (q) => q.append('code', q.get('code') ?? '')],
    ['a 1,200-letter code', (q) => q.set('code', LONG_QUERY_VALUE)],
    ['another issuer named (iss)', (q) => q.set('iss', 'https://dinh-danh.gia-mao.example')],
    [
      'the provider’s refusal (access_denied) with our state',
      (q) => {
        q.delete('code');
        q.set('error', 'access_denied');
        q.set('error_description', 'Người dùng từ chối');
      },
    ],
  ];
  const out: FuzzRequest[] = [];
  for (const [label, edit] of edits) {
    const { query } = await atProvider(c);
    edit(query);
    out.push(at(label, query));
  }
  // Issued for another address registered for our client: the token endpoint refuses it.
  out.push(
    at('a code issued for another redirect URI', (await atProvider(c, OIDC_OTHER_REDIRECT)).query),
  );
  // A good callback once (it writes nothing before the exchange), then the same again.
  const { query } = await atProvider(c);
  if (!webCode(await c.w.t.http.get(`${CALLBACK}?${query}`)))
    throw new Error('the first callback of the replay was refused');
  out.push(at('a replayed callback (state and code used once)', query));
  return out;
}

/** One-time codes for the web that must not give a session. */
async function badExchanges(c: CheckContext): Promise<FuzzRequest[]> {
  const body = (label: string, code: string): FuzzRequest => ({
    label,
    path: EXCHANGE,
    contentType: 'application/json',
    payload: JSON.stringify({ code }),
  });
  const spent = await signedOn(c);
  await c.w.t.http.post(EXCHANGE).send({ code: spent.code }).expect(200);
  // Deactivated between the callback and the exchange.
  const left = await signedOn(c);
  await c.w.t.http
    .patch(`/api/users/${left.person.id}`)
    .set('Authorization', c.w.adminToken)
    .send({ active: false })
    .expect(200);
  return [
    body('a code already traded', spent.code),
    body('a code never issued', randomBytes(32).toString('base64url')),
    body('the code of a person deactivated since the callback', left.code),
  ];
}

/**
 * Single sign-on switched on, against a real provider (`SSO_PROVIDER`, run with the suites'
 * `service`): every route is public and answers everyone alike; a session goes to the person
 * the provider signed in, never to the caller. Switched off, see the variants in MFA_RULES.
 */
export const OIDC_RULES: RuleTable = {
  'GET /api/auth/oidc': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: () => ({ answer: (res) => (res.body?.enabled === true ? null : 'not enabled') }),
  },
  'GET /api/auth/oidc/start': {
    unscoped: true,
    anonymous: 302,
    ...everyone(302),
    request: () => ({
      answer: (res) => {
        const to = new URL(String(res.headers.location), 'http://not-the-provider');
        const pkce = to.searchParams.get('code_challenge_method') === 'S256';
        return to.origin === SSO_PROVIDER.current.issuer && pkce && to.searchParams.get('state')
          ? null
          : `sent to ${res.headers.location}`;
      },
    }),
  },
  'GET /api/auth/oidc/callback': {
    unscoped: true,
    anonymous: 302,
    ...everyone(302),
    request: async (c) => ({
      query: Object.fromEntries((await atProvider(c)).query),
      answer: (res) => (webCode(res) ? null : `sent to ${res.headers.location}`),
    }),
    badInput: badCallbacks,
    refusedBy: refusal,
  },
  'POST /api/auth/oidc/exchange': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: async (c) => {
      const { person, code } = await signedOn(c);
      return {
        body: { code },
        answer: (res) => (res.body?.user?.id === person.id ? null : 'not the person signed on'),
      };
    },
    badInput: badExchanges,
  },
};
