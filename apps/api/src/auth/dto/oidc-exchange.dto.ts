import type { OidcExchangeRequest } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class OidcExchangeDto implements OidcExchangeRequest {
  @ApiProperty({ description: 'The one-time code the callback put in the /login/sso link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code: string;
}
