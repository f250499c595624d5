import type { PublicSigningKey } from '@dx/contracts';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { PublicSigningKeyDto } from './dto/certificate-responses.dto';
import { MarkKeyCompromisedDto } from './dto/mark-key-compromised.dto';
import { SigningKeysService } from './signing-keys.service';

/** The certificate key ring, for the sysadmin: rotation and compromise. Audited. */
@ApiTags('certificates')
@ApiBearerAuth()
@Roles('sysadmin')
@Controller('certificates/keys')
export class SigningKeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Post('rotate')
  @ApiOperation({
    summary: 'New certificates are signed with a new key; earlier ones stay valid',
  })
  @ApiCreatedResponse({ type: PublicSigningKeyDto })
  rotate(): Promise<PublicSigningKey> {
    return this.keys.rotate();
  }

  @Post(':kid/compromised')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a key compromised from a moment: what it signed from then on is invalid',
    description: 'An active key is replaced by a new one at once.',
  })
  @ApiOkResponse({ type: PublicSigningKeyDto })
  @ApiNotFoundResponse({ description: 'No such key' })
  compromised(@Param('kid') kid: string, @Body() dto: MarkKeyCompromisedDto): Promise<PublicSigningKey> {
    return this.keys.markCompromised(kid, dto);
  }
}
