import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

const CODE = {
  example: '492039',
  description: 'Six digits from the authenticator app, or one of the recovery codes',
};

export class MfaCodeDto {
  @ApiProperty(CODE)
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code: string;
}

export class MfaTokenDto {
  @ApiProperty({ description: 'The `mfaToken` the sign-in answered (valid 5 minutes)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  mfaToken: string;
}

export class MfaTokenCodeDto extends MfaTokenDto {
  @ApiProperty(CODE)
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code: string;
}
