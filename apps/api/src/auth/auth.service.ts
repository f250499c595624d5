import type { MeResponse, SignInResponse, TokenPairResponse } from '@dx/contracts';
import { PasswordHasher } from '@dx/db';
import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { UserAccountsService } from '../users/user-accounts.service';
import { AccessTokensService } from './access-tokens.service';
import { toMe } from './me';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { SignInService } from './sign-in.service';

export { toMe } from './me';

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly accessTokens: AccessTokensService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly signIn: SignInService,
  ) {}

  /** Tokens, or the second step when the person has (or must enrol) a second factor. */
  async login(rawUsername: string, password: string, ip: string): Promise<SignInResponse> {
    const username = rawUsername.trim().toLowerCase();
    await this.throttle.assertAllowed(username, ip);
    const user = await this.accounts.findForSignIn(username);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(username, ip);
      throw new UnauthorizedException({
        code: 'wrong_credentials',
        message: 'Wrong username or password',
        errors: [],
      });
    }
    await this.throttle.recordSuccess(username);
    return this.signIn.afterFirstFactor(user);
  }

  /** A new pair; the access token carries the account's roles and unit as they are now. */
  async refresh(refreshToken: string): Promise<TokenPairResponse> {
    const { user, refreshToken: next, sessionId } = await this.refreshTokens.rotate(refreshToken);
    return { accessToken: await this.accessTokens.sign(user, sessionId), refreshToken: next };
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new NotFoundException('User not found');
    return toMe(user);
  }
}
