// The client against a scripted server: what the browser does when an access token expires.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  },
});

// Imported after the storage shim: the auth store reads it when loaded.
const { api } = require('./client') as typeof import('./client');
const { authStore } = require('../auth/auth-store') as typeof import('../auth/auth-store');

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('an expired access token', () => {
  let calls: string[];

  beforeEach(() => {
    calls = [];
    authStore.setToken('old-access', 'refresh-1');
  });

  it('is refreshed once for parallel calls, which are then repeated with the new token', async () => {
    globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('Authorization');
      calls.push(`${String(url)} ${auth ?? ''}`);
      if (String(url) === '/api/auth/refresh') {
        expect(JSON.parse(String(init?.body))).toEqual({ refreshToken: 'refresh-1' });
        return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2' });
      }
      return auth === 'Bearer new-access'
        ? json(200, { ok: true })
        : json(401, { statusCode: 401, message: 'expired', errors: [] });
    }) as typeof fetch;

    const results = await Promise.all([api.get('/me'), api.get('/me/enrollments')]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(calls.filter((c) => c.startsWith('/api/auth/refresh'))).toHaveLength(1);
    expect(authStore.getToken()).toBe('new-access');
    expect(authStore.getRefreshToken()).toBe('refresh-2');
  });

  it('ends the session when the refresh is refused', async () => {
    globalThis.fetch = jest.fn(async (url: string | URL | Request) =>
      String(url) === '/api/auth/refresh'
        ? json(401, { statusCode: 401, message: 'used', errors: [] })
        : json(401, { statusCode: 401, message: 'expired', errors: [] }),
    ) as typeof fetch;

    await expect(api.get('/me')).rejects.toMatchObject({ statusCode: 401 });
    expect(authStore.getToken()).toBeNull();
    expect(authStore.getRefreshToken()).toBeNull();
  });
});
