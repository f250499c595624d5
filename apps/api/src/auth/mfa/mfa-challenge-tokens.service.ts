import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';

export type MfaPurpose = 'verify' | 'setup';

interface ChallengePayload {
  sub: string;
  mfa: MfaPurpose;
}

/**
 * The token that carries a passed password to the second step of a sign-in (5 minutes).
 * It is signed with a key derived from JWT_SECRET for this use only, so it can never pass
 * as an access token, nor an access token as it.
 */
@Injectable()
export class MfaChallengeTokens {
  private readonly secret: string;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = createHash('sha256')
      .update(`dx-mfa-challenge:${config.jwt.secret}`)
      .digest('hex');
  }

  sign(userId: string, purpose: MfaPurpose): Promise<string> {
    const payload: ChallengePayload = { sub: userId, mfa: purpose };
    return this.jwt.signAsync(payload, {
      secret: this.secret,
      expiresIn: '5m',
      algorithm: 'HS256',
    });
  }

  /** The person the token speaks for; 401 when it is forged, expired or of another purpose. */
  async verify(token: string, purpose: MfaPurpose): Promise<string> {
    try {
      const payload = await this.jwt.verifyAsync<ChallengePayload>(token, {
        secret: this.secret,
        algorithms: ['HS256'],
      });
      if (payload.mfa === purpose && typeof payload.sub === 'string') return payload.sub;
    } catch {
      // Falls through to the one answer for every bad token.
    }
    throw new UnauthorizedException({
      code: 'sign_in_step_expired',
      message: 'The sign-in step has expired; sign in again',
      errors: [],
    });
  }
}
