import { APP_CONFIG, AppConfig } from '@dx/config';
import { PasswordHasher, RefreshTokenEntity, UserMfaEntity } from '@dx/db';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokensService } from './access-tokens.service';
import { AccountStatusService } from './account-status.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { LoginThrottleService } from './login-throttle.service';
import { MfaChallengeTokens } from './mfa/mfa-challenge-tokens.service';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { RateLimiter } from './rate-limiter.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { SignInService } from './sign-in.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshTokenEntity, UserMfaEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { expiresIn: config.jwt.ttl as `${number}m`, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, CredentialsController, MfaController, OidcController],
  providers: [
    AuthService,
    CredentialsService,
    AccountStatusService,
    PasswordHasher,
    RateLimiter,
    LoginThrottleService,
    AccessTokensService,
    RefreshTokensService,
    MfaService,
    MfaChallengeTokens,
    SignInService,
    OidcService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  // Global module: failure counters and password hashing for the auth and users features.
  exports: [PasswordHasher, RateLimiter, RefreshTokensService, AccountStatusService],
})
export class AuthModule {}
