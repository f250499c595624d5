import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopped } from './processes';

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

/**
 * A real OpenID Provider (`oidc-provider`, certified) on a loopback port, in a child
 * process. The test chooses who signs in next (`signInNext`); discovery, PKCE, state,
 * nonce, signed ID tokens and single-use codes are the library's own.
 */
export class OidcTestProvider {
  private constructor(
    readonly issuer: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: {
    clients: OidcTestClient[];
    /** Account id → its claims (email, preferred_username…). */
    accounts: Record<string, Record<string, unknown>>;
    idTokenTtlSeconds?: number;
    /** The provider's clock against the real one (negative: behind); its tokens follow it. */
    clockOffsetSeconds?: number;
  }): Promise<OidcTestProvider> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
      env: { ...process.env, OIDC_TEST_CONFIG: JSON.stringify({ port, ...options }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`OIDC provider did not start: ${output}`)),
        20_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`OIDC provider exited (${code}): ${output}`));
      });
    });
    return new OidcTestProvider(`http://127.0.0.1:${port}`, child);
  }

  /** The account the next login interaction signs in (`claims` add or replace it). */
  signInNext(accountId: string, claims?: Record<string, unknown>): Promise<void> {
    return OidcTestProvider.signInNextAt(this.issuer, accountId, claims);
  }

  /**
   * The same, for a test in another process than the provider's owner (browser specs),
   * with `claims` that add or replace that account (people created by the test itself).
   */
  static async signInNextAt(
    issuer: string,
    accountId: string,
    claims?: Record<string, unknown>,
  ): Promise<void> {
    const res = await fetch(`${issuer}/test/next-account`, {
      method: 'POST',
      body: JSON.stringify({ accountId, claims }),
    });
    if (res.status !== 204) throw new Error(`next-account: ${res.status}`);
  }

  /**
   * Follows the provider's redirects from an authorization URL, as a browser would (its
   * cookies kept), until one leaves the provider: that URL (the client's redirect_uri with
   * `code` and `state`) is returned.
   */
  async authorize(authorizationUrl: string): Promise<string> {
    const cookies = new Map<string, string>();
    let url = authorizationUrl;
    for (let hops = 0; hops < 20; hops++) {
      if (!url.startsWith(this.issuer)) return url;
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        cookies.set(pair.slice(0, i), pair.slice(i + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
      url = new URL(location, url).toString();
    }
    throw new Error('too many redirects at the OIDC provider');
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    await stopped(this.child);
  }
}
