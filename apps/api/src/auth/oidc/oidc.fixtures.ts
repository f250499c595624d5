import { AuditLogEntity, RefreshTokenEntity } from '@dx/db';
import { TestOidcProvider, TestOidcClient } from '@dx/testing';
import { createTestApp, TestApp } from '../../test/test-app';

/** Test world of the single sign-on specs: a real provider and an API configured for it. */

const BASE = 'http://127.0.0.1:9';
export const OIDC_CALLBACK = `${BASE}/api/auth/oidc/callback`;
const OUR_CLIENT: TestOidcClient = {
  client_id: 'dx-academy',
  client_secret: 'dx-academy-client-secret-0123456789',
  redirect_uris: [OIDC_CALLBACK],
};

export interface OidcWorld {
  provider: TestOidcProvider;
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
 * API whose OIDC settings point at it.
 */
export async function oidcWorld(options: {
  accounts: Record<string, Record<string, unknown>>;
  otherClients?: TestOidcClient[];
  idTokenTtlSeconds?: number;
  clockOffsetSeconds?: number;
}): Promise<OidcWorld> {
  const { otherClients = [], ...providerOptions } = options;
  const provider = await TestOidcProvider.start({
    clients: [OUR_CLIENT, ...otherClients],
    ...providerOptions,
  });
  const t = await createTestApp({
    PUBLIC_BASE_URL: BASE,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: OUR_CLIENT.client_id,
    OIDC_CLIENT_SECRET: OUR_CLIENT.client_secret,
  }).catch(async (err: unknown) => {
    await provider.stop(); // the spec's afterAll has no world to close
    throw err;
  });

  return {
    provider,
    t,
    async atProvider(account) {
      const start = await t.http.get('/api/auth/oidc/start').expect(302);
      const authUrl = new URL(start.headers.location);
      expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authUrl.searchParams.get('nonce')).toBeTruthy();
      await provider.signInNext(account);
      const back = new URL(await provider.authorize(authUrl.toString()));
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
