import type { MfaCodeRequest, MfaTokenRequest, MfaTokenCodeRequest } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

const CODE = {
  example: '492039',
  description: 'Six digits from the authenticator app, or one of the recovery codes',
};

export class MfaCodeDto implements MfaCodeRequest {
  @ApiProperty(CODE)
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code: string;
}

export class MfaTokenDto implements MfaTokenRequest {
  @ApiProperty({ description: 'The `mfaToken` the sign-in answered (valid 5 minutes)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  mfaToken: string;
}

export class MfaTokenCodeDto extends MfaTokenDto implements MfaTokenCodeRequest {
  @ApiProperty(CODE)
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code: string;
}
