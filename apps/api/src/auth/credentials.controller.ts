import type { SignInResponse } from '@dx/contracts';
import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from './auth-user';
import { CredentialsService } from './credentials.service';
import {
  ActivateDto,
  ChangePasswordDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
} from './dto/credentials.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Public()
  @Post('auth/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set the first password with an activation code and sign in',
    description:
      '400 on a wrong, expired or used code (no hint whether the person exists); 429 after repeated failures.',
  })
  activate(@Body() dto: ActivateDto, @Ip() ip: string): Promise<SignInResponse> {
    return this.credentials.activate(dto.username, dto.code, dto.newPassword, ip);
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mail a password-reset link (valid 30 min) to the person, if they exist and have an email',
    description: 'Always 202: the answer never tells whether the username exists.',
  })
  requestReset(@Body() dto: PasswordResetRequestDto, @Ip() ip: string): Promise<void> {
    return this.credentials.requestReset(dto.username, ip);
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link; every sign-in of the person ends',
  })
  async confirmReset(
    @Body() dto: PasswordResetConfirmDto,
    @Ip() ip: string,
  ): Promise<Record<string, never>> {
    await this.credentials.confirmReset(dto.token, dto.newPassword, ip);
    return {};
  }

  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password (the current one is required)' })
  change(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    return this.credentials.change(user.id, dto.currentPassword, dto.newPassword, ip);
  }
}
