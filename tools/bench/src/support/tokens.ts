import type { AccessTokenPayload, LoginResponse } from '@dx/contracts';
import { JwtService } from '@nestjs/jwt';
import type { BenchEnvironment } from './environment';
import { BENCH_PASSWORD } from './seed';

/** Signs one learner in through the API; throws on anything but 200. */
export async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetchRetried(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as LoginResponse).accessToken;
}

/**
 * fetch, tried again when the socket fails before an answer: undici reuses a keep-alive
 * connection the server may be closing at that moment ("other side closed") after a load
 * run. An answer, whatever its status, is never retried.
 */
async function fetchRetried(url: string, init: RequestInit, tries = 3): Promise<Response> {
  for (let i = 1; ; i++) {
    try {
      return await fetch(url, init);
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}

const claims = (token: string) =>
  Object.keys(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as object)
    // `sid` names the sign-in (so sign-out ends it): minted tokens have none, by design.
    .filter((k) => k !== 'iat' && k !== 'exp' && k !== 'sid')
    .sort()
    .join(',');

/**
 * One access token per learner, signed with the environment's JWT secret exactly as the
 * API's login signs them (same claims, HS256). Signing in 3,000 learners through argon2id
 * takes minutes on this machine (the login figure says how many per second), which the
 * run cannot afford twice; so one real login checks that the minted tokens carry the same
 * claims and that the API accepts them, and the rest are minted.
 */
export async function mintTokens(
  env: BenchEnvironment,
  baseUrl: string,
  usernames: readonly string[],
): Promise<Map<string, string>> {
  const jwt = new JwtService({
    secret: env.jwtSecret,
    signOptions: { algorithm: 'HS256', expiresIn: '1h' },
  });
  const rows = await env.query<{
    id: string;
    username: string;
    orgUnitId: string;
    roles: string[];
  }>(
    `SELECT id, username, org_unit_id AS "orgUnitId", roles FROM app_user WHERE username = ANY($1)`,
    [usernames],
  );
  const tokens = new Map<string, string>();
  for (const u of rows) {
    const payload: AccessTokenPayload = {
      sub: u.id,
      username: u.username,
      orgUnitId: u.orgUnitId,
      roles: u.roles as AccessTokenPayload['roles'],
    };
    tokens.set(u.username, jwt.sign(payload));
  }
  if (tokens.size !== usernames.length) throw new Error('some bench learners are missing');

  const real = await login(baseUrl, usernames[0]);
  const minted = tokens.get(usernames[0]) as string;
  if (claims(real) !== claims(minted)) {
    throw new Error(`minted tokens carry ${claims(minted)}, the API's carry ${claims(real)}`);
  }
  const me = await fetchRetried(`${baseUrl}/api/me`, {
    headers: { authorization: `Bearer ${minted}` },
  });
  if (me.status !== 200) throw new Error(`the API refuses minted tokens: HTTP ${me.status}`);
  return tokens;
}
