import type { LoginResponse } from '@dx/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../public.decorator';
import { OidcService } from './oidc.service';
import { OidcExchangeDto } from '../dto/oidc-exchange.dto';

/** Where the web app finishes (or explains) a sign-on. */
const WEB_PAGE = '/login/sso';

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether single sign-on (OpenID Connect) is configured' })
  status(): { enabled: boolean } {
    return { enabled: this.oidc.enabled };
  }

  @Public()
  @Get('start')
  @ApiOperation({
    summary: 'Start a sign-on: 302 to the identity provider (404 when it is not configured)',
  })
  async start(@Res() res: Response): Promise<void> {
    this.assertEnabled();
    res.redirect(302, await this.oidc.start());
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    summary:
      'The provider sends the browser back here: 302 to /login/sso with a one-time code, or with the reason of a refusal (unknown identity, wrong state, replayed code, bad ID token)',
  })
  async callback(@Query() query: Record<string, string>, @Res() res: Response): Promise<void> {
    this.assertEnabled();
    const outcome = await this.oidc.callback(query);
    res.redirect(
      302,
      'code' in outcome
        ? `${WEB_PAGE}#code=${encodeURIComponent(outcome.code)}`
        : `${WEB_PAGE}?error=${outcome.refused}`,
    );
  }

  @Public()
  @Post('exchange')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade the one-time code of a sign-on for tokens (works once, 60 s)' })
  exchange(@Body() dto: OidcExchangeDto): Promise<LoginResponse> {
    this.assertEnabled();
    return this.oidc.exchange(dto.code);
  }

  private assertEnabled(): void {
    if (!this.oidc.enabled) throw new NotFoundException('Single sign-on is not configured');
  }
}
