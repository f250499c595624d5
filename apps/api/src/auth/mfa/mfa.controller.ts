import type {
  LoginResponse,
  MfaEnableSignInResponse,
  MfaRecoveryCodesResponse,
  MfaSetupResponse,
  MfaStatusResponse,
} from '@dx/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../http/uuid-param.pipe';
import { AuthUser, CurrentUser } from '../auth-user';
import { MfaCodeDto, MfaTokenCodeDto, MfaTokenDto } from '../dto/mfa.dto';
import { Public } from '../public.decorator';
import { Roles } from '../roles.decorator';
import { SignInService } from '../sign-in.service';
import { MfaService } from './mfa.service';

const WRONG =
  '400 `mfa_code_invalid` on a wrong or already used code; 429 after repeated failures.';

@ApiTags('auth')
@Controller()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly signIn: SignInService,
  ) {}

  @Public()
  @Post('auth/mfa/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Second step of a sign-in: a TOTP code (or a recovery code) → tokens',
    description: `401 when the mfaToken is invalid or expired. ${WRONG}`,
  })
  verify(@Body() dto: MfaTokenCodeDto): Promise<LoginResponse> {
    return this.signIn.verifySecondFactor(dto.mfaToken, dto.code);
  }

  @Public()
  @Post('auth/mfa/setup')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign-in of a role that requires a second factor, not enrolled yet: a new secret and its QR code',
  })
  setupAtSignIn(@Body() dto: MfaTokenDto): Promise<MfaSetupResponse> {
    return this.signIn.setupAtSignIn(dto.mfaToken);
  }

  @Public()
  @Post('auth/mfa/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the enrolment begun at sign-in with a first code → tokens and recovery codes',
    description: WRONG,
  })
  enableAtSignIn(@Body() dto: MfaTokenCodeDto): Promise<MfaEnableSignInResponse> {
    return this.signIn.enableAtSignIn(dto.mfaToken, dto.code);
  }

  @ApiBearerAuth()
  @Get('me/mfa')
  @ApiOperation({
    summary: 'Your second factor: on or off, required by your role, recovery codes left',
  })
  status(@CurrentUser() user: AuthUser): Promise<MfaStatusResponse> {
    return this.mfa.status(user);
  }

  @ApiBearerAuth()
  @Post('me/mfa/setup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Begin enrolling a TOTP second factor: a new secret and its QR code; 409 when on',
  })
  setup(@CurrentUser() user: AuthUser): Promise<MfaSetupResponse> {
    return this.mfa.begin(user);
  }

  @ApiBearerAuth()
  @Post('me/mfa/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn the enrolled factor on with a first code → recovery codes (shown once)',
    description: WRONG,
  })
  enable(
    @CurrentUser() user: AuthUser,
    @Body() dto: MfaCodeDto,
  ): Promise<MfaRecoveryCodesResponse> {
    return this.mfa.enable(user, dto.code);
  }

  @ApiBearerAuth()
  @Post('me/mfa/recovery-codes')
  @HttpCode(200)
  @ApiOperation({
    summary: 'New recovery codes (the old ones stop working); needs a valid code',
    description: WRONG,
  })
  renewRecoveryCodes(
    @CurrentUser() user: AuthUser,
    @Body() dto: MfaCodeDto,
  ): Promise<MfaRecoveryCodesResponse> {
    return this.mfa.renewRecoveryCodes(user, dto.code);
  }

  @ApiBearerAuth()
  @Post('me/mfa/disable')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Switch your second factor off (needs a valid code)',
    description: `409 \`mfa_required\` when your role requires it. ${WRONG}`,
  })
  disable(@CurrentUser() user: AuthUser, @Body() dto: MfaCodeDto): Promise<void> {
    return this.mfa.disable(user, dto.code);
  }

  @ApiBearerAuth()
  @Roles('sysadmin')
  @Delete('users/:id/mfa')
  @HttpCode(204)
  @ApiOperation({
    summary: "Remove someone's second factor (lost phone); their sign-ins end (sysadmin, audited)",
  })
  reset(@Param('id', uuidParam()) id: string): Promise<void> {
    return this.mfa.reset(id);
  }
}
