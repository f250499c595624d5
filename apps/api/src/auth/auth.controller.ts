import type { MeResponse, SignInResponse, TokenPairResponse } from '@dx/contracts';
import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from './auth-user';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; 401 on bad credentials, 429 after repeated failures',
    description:
      'Answers `{mfa, mfaToken}` instead of tokens when a second factor is due: `verify` → POST /api/auth/mfa/verify; `setup` (the role requires one, not enrolled yet) → POST /api/auth/mfa/setup then /api/auth/mfa/enable.',
  })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<SignInResponse> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Trade a refresh token for a new pair; 401 when it is unknown, expired, revoked or used',
    description:
      'Each refresh token works once. Using one twice revokes every token of that sign-in.',
  })
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenPairResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: the refresh token and every token of its sign-in stop working',
  })
  logout(@Body() dto: RefreshTokenDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user.id);
  }
}
