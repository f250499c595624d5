import { APP_CONFIG, AppConfig } from '@dx/config';
import type { LoginResponse } from '@dx/contracts';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { BaseClient, errors, generators, Issuer } from 'openid-client';
import { REDIS } from '../../redis/redis.module';
import { UserAccountsService } from '../../users/user-accounts.service';
import { SignInService } from '../sign-in.service';

/** How long a started sign-on may take at the provider. */
const STATE_TTL_SECONDS = 600;
/** How long the web has to trade the one-time code for its tokens. */
const EXCHANGE_TTL_SECONDS = 60;

/** Why a sign-on ended without a session; the web's refusal page explains each. */
/**
 * Why a sign-on was refused, as `?error=` on the web's /login/sso: `expired` when the
 * provider's ID token had expired on arrival (often a clock set wrong, on either side).
 */
export type OidcRefusal = 'unknown_identity' | 'expired' | 'failed';

/**
 * Single sign-on with OpenID Connect (authorization code + PKCE) through `openid-client`:
 * the library checks state, nonce, the ID token's signature, issuer, audience and expiry.
 * The identity is linked to an existing, active person by one claim; nobody is created.
 * The flow's secrets (state → nonce, PKCE verifier) wait in Redis, usable once, so any API
 * process can take the callback and a replayed callback finds nothing.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private client?: Promise<BaseClient>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly accounts: UserAccountsService,
    private readonly signIn: SignInService,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  get redirectUri(): string {
    return `${this.config.publicBaseUrl}/api/auth/oidc/callback`;
  }

  /** The provider's authorization URL for a new sign-on. */
  async start(): Promise<string> {
    const client = await this.getClient();
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    await this.redis.set(
      this.stateKey(state),
      JSON.stringify({ nonce, codeVerifier }),
      'EX',
      STATE_TTL_SECONDS,
    );
    return client.authorizationUrl({
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * The provider's answer: a one-time code for `exchange`, or why it was refused. Nothing
   * is written in the database either way.
   */
  async callback(
    query: Record<string, string>,
  ): Promise<{ code: string } | { refused: OidcRefusal }> {
    const client = await this.getClient();
    const state = typeof query.state === 'string' ? query.state : '';
    const saved = state ? await this.redis.getdel(this.stateKey(state)) : null;
    if (!saved) {
      this.logger.warn('Sign-on callback with an unknown, used or expired state refused');
      return { refused: 'failed' };
    }
    const { nonce, codeVerifier } = JSON.parse(saved) as { nonce: string; codeVerifier: string };
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.callback(
        this.redirectUri,
        client.callbackParams(`?${new URLSearchParams(query)}`),
        {
          state,
          nonce,
          code_verifier: codeVerifier,
        },
      );
      claims = tokens.claims();
      // Providers may keep profile claims out of the ID token (OIDC Core 5.4): ask the
      // UserInfo endpoint, whose `sub` the library checks against the ID token's.
      if (claims[this.settings().linkClaim] === undefined && tokens.access_token)
        claims = { ...(await client.userinfo(tokens)), ...claims };
    } catch (err) {
      this.logger.warn(`Sign-on refused: ${(err as Error).message}`);
      // openid-client checks exp against this server's clock: "JWT expired, now …, exp …".
      const expired = err instanceof errors.RPError && /^JWT expired/.test(err.message);
      return { refused: expired ? 'expired' : 'failed' };
    }
    const userId = await this.linkedPerson(claims);
    if (!userId) return { refused: 'unknown_identity' };
    const code = randomBytes(32).toString('base64url');
    await this.redis.set(this.exchangeKey(code), userId, 'EX', EXCHANGE_TTL_SECONDS);
    return { code };
  }

  /** Trades the one-time code of a successful callback for a session (once). */
  async exchange(code: string): Promise<LoginResponse> {
    const userId = await this.redis.getdel(this.exchangeKey(code));
    const user = userId ? await this.accounts.findById(userId) : null;
    if (!user?.active)
      throw new UnauthorizedException({
        code: 'sso_code_invalid',
        message: 'Unknown or used sign-on code',
        errors: [],
      });
    // The provider authenticated the person: its own policy (often with a second factor)
    // stands in for the password and TOTP steps.
    return this.signIn.tokens(user);
  }

  private async linkedPerson(claims: Record<string, unknown>): Promise<string | null> {
    const oidc = this.settings();
    const value = claims[oidc.linkClaim];
    if (typeof value !== 'string' || !value) return null;
    if (oidc.linkField === 'username') {
      const user = await this.accounts.findByUsername(value.trim().toLowerCase());
      return user?.active ? user.id : null;
    }
    if (oidc.linkField === 'national_id') {
      // Stored as 12 digits; a provider may space them out ("001 090 012345").
      const digits = value.replace(/\s+/g, '');
      const user = /^\d{12}$/.test(digits) ? await this.accounts.findByNationalId(digits) : null;
      return user?.active ? user.id : null;
    }
    const people = await this.accounts.findByEmail(value.trim());
    return people.length === 1 && people[0].active ? people[0].id : null;
  }

  private settings(): NonNullable<AppConfig['oidc']> {
    if (!this.config.oidc) throw new NotFoundException('Single sign-on is not configured');
    return this.config.oidc;
  }

  private getClient(): Promise<BaseClient> {
    const oidc = this.settings();
    // Discovery once per process; a failure is forgotten so the next sign-on tries again.
    this.client ??= Issuer.discover(oidc.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: oidc.clientId,
          client_secret: oidc.clientSecret,
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
        }),
      (err) => {
        this.client = undefined;
        throw err;
      },
    );
    return this.client;
  }

  private stateKey(state: string): string {
    return `oidc:state:${state}`;
  }

  private exchangeKey(code: string): string {
    return `oidc:exchange:${code}`;
  }
}
