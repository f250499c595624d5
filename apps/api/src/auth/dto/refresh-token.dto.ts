import type { RefreshTokenRequest } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class RefreshTokenDto implements RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token from sign-in or from the last refresh' })
  @IsString()
  // 32 random bytes in base64url: anything else is not one of ours, and needs no lookup.
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken: string;
}
