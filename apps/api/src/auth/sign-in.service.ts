import type {
  LoginResponse,
  MeResponse,
  MfaEnableSignInResponse,
  MfaSetupResponse,
  SignInResponse,
} from '@dx/contracts';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { UserAccountsService } from '../users/user-accounts.service';
import { AccessTokensService } from './access-tokens.service';
import { toMe } from './me';
import { MfaChallengeTokens, MfaPurpose } from './mfa/mfa-challenge-tokens.service';
import { MfaService } from './mfa/mfa.service';
import { RefreshTokensService } from './refresh-tokens.service';

/** The fields of an account a sign-in needs (as `GET /api/me` shows them). */
type Account = MeResponse;

/**
 * The end of every sign-in whose first factor passed (password, activation code): tokens,
 * or the second step when the person has a second factor, or must enrol one first.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly mfa: MfaService,
    private readonly challenges: MfaChallengeTokens,
    private readonly accessTokens: AccessTokensService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly accounts: UserAccountsService,
  ) {}

  async afterFirstFactor(user: Account): Promise<SignInResponse> {
    if (await this.mfa.isEnabled(user.id))
      return { mfa: 'verify', mfaToken: await this.challenges.sign(user.id, 'verify') };
    if (this.mfa.isRequired(user.roles))
      return { mfa: 'setup', mfaToken: await this.challenges.sign(user.id, 'setup') };
    return this.tokens(user);
  }

  /** A new sign-in (refresh-token family) and its first access token. */
  async tokens(user: Account): Promise<LoginResponse> {
    const { refreshToken, sessionId } = await this.refreshTokens.start(user.id);
    return {
      accessToken: await this.accessTokens.sign(user, sessionId),
      refreshToken,
      user: toMe(user),
    };
  }

  /** Second step: a TOTP or recovery code for the person the challenge names. */
  async verifySecondFactor(mfaToken: string, code: string): Promise<LoginResponse> {
    const user = await this.challenged(mfaToken, 'verify');
    await this.mfa.verify(user.id, code);
    return this.tokens(user);
  }

  /** Enrolment forced at sign-in, step 1: the secret and its QR code. */
  async setupAtSignIn(mfaToken: string): Promise<MfaSetupResponse> {
    return this.mfa.begin(await this.challenged(mfaToken, 'setup'));
  }

  /** Enrolment forced at sign-in, step 2: a first code turns it on and the sign-in ends. */
  async enableAtSignIn(mfaToken: string, code: string): Promise<MfaEnableSignInResponse> {
    const user = await this.challenged(mfaToken, 'setup');
    const { recoveryCodes } = await this.mfa.enable(user, code);
    return { ...(await this.tokens(user)), recoveryCodes };
  }

  /** The person of a valid challenge, still active (deactivated meanwhile → 401). */
  private async challenged(mfaToken: string, purpose: MfaPurpose): Promise<Account> {
    const userId = await this.challenges.verify(mfaToken, purpose);
    const user = await this.accounts.findById(userId);
    if (!user?.active)
      throw new UnauthorizedException({
        code: 'sign_in_step_expired',
        message: 'The sign-in step has expired; sign in again',
        errors: [],
      });
    return user;
  }
}
