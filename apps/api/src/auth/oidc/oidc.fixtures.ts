import { AuditLogEntity, RefreshTokenEntity } from '@dx/db';
import { OidcTestProvider, OidcTestClient } from '@dx/testing';
import { createTestApp, TestApp } from '../../test/test-app';

/** Test world of the single sign-on specs: a real provider and an API configured for it. */

const BASE = 'http://127.0.0.1:9';
export const OIDC_CALLBACK = `${BASE}/api/auth/oidc/callback`;
/**
 * A second address registered for our client (as a staging copy would be): a code issued
 * for it must not work at our callback, which the provider checks at the token endpoint.
 */
export const OIDC_OTHER_REDIRECT = `${BASE}/staging/api/auth/oidc/callback`;
const OUR_CLIENT: OidcTestClient = {
  client_id: 'dx-academy',
  client_secret: 'dx-academy-client-secret-0123456789',
  redirect_uris: [OIDC_CALLBACK, OIDC_OTHER_REDIRECT],
};

type ProviderOptions = Omit<Parameters<typeof OidcTestProvider.start>[0], 'clients'> & {
  otherClients?: OidcTestClient[];
};

/** Starts the provider (our client plus `otherClients`) and gives the API settings for it. */
export async function startOidcProvider(
  options: ProviderOptions,
): Promise<{ provider: OidcTestProvider; env: Record<string, string> }> {
  const { otherClients = [], ...providerOptions } = options;
  const provider = await OidcTestProvider.start({
    clients: [OUR_CLIENT, ...otherClients],
    ...providerOptions,
  });
  const env = {
    PUBLIC_BASE_URL: BASE,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: OUR_CLIENT.client_id,
    OIDC_CLIENT_SECRET: OUR_CLIENT.client_secret,
  };
  return { provider, env };
}

/**
 * Starts a sign-on at the API and lets the provider sign `account` in (with `claims`, when
 * given, added to it): the URL the provider sends the browser back to. `redirectUri`
 * replaces ours in the authorization request (another address registered for our client).
 */
export async function signInAtProvider(
  t: TestApp,
  provider: OidcTestProvider,
  account: string,
  options: { claims?: Record<string, unknown>; redirectUri?: string } = {},
): Promise<URL> {
  const start = await t.http.get('/api/auth/oidc/start').expect(302);
  const authUrl = new URL(start.headers.location);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('nonce')).toBeTruthy();
  if (options.redirectUri) authUrl.searchParams.set('redirect_uri', options.redirectUri);
  await provider.signInNext(account, options.claims);
  return new URL(await provider.authorize(authUrl.toString()));
}

export interface OidcWorld {
  provider: OidcTestProvider;
  t: TestApp;
  /** Starts a sign-on at the API and lets the provider sign `account` in: the callback URL. */
  atProvider(account: string): Promise<URL>;
  /** The API's callback for that URL (always a redirect back to the web app). */
  callback(url: URL): Promise<{ headers: Record<string, string> }>;
  /** Sessions and audit rows: what a refused sign-on must leave as it was. */
  writes(): Promise<[number, number]>;
  close(): Promise<void>;
}

/**
 * Starts the provider (our client plus `otherClients`, the given accounts and clock) and an
 * API whose OIDC settings point at it, with `apiEnv` on top (e.g. how identities link).
 */
export async function oidcWorld(
  options: ProviderOptions & { apiEnv?: Record<string, string> },
): Promise<OidcWorld> {
  const { apiEnv = {}, ...providerOptions } = options;
  const { provider, env } = await startOidcProvider(providerOptions);
  const t = await createTestApp({ ...env, ...apiEnv }).catch(async (err: unknown) => {
    await provider.stop(); // the spec's afterAll has no world to close
    throw err;
  });

  return {
    provider,
    t,
    async atProvider(account) {
      const back = await signInAtProvider(t, provider, account);
      expect(back.origin + back.pathname).toBe(OIDC_CALLBACK);
      return back;
    },
    callback: (url) => t.http.get(`/api/auth/oidc/callback${url.search}`).expect(302),
    writes: async () => [
      await t.db.getRepository(RefreshTokenEntity).count(),
      await t.db.getRepository(AuditLogEntity).count(),
    ],
    async close() {
      await t.close();
      await provider.stop();
    },
  };
}
