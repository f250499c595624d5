import type {
  ActivateRequest,
  PasswordResetRequest,
  PasswordResetConfirmRequest,
  ChangePasswordRequest,
} from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

// Only type and size are checked here; the password policy (length, common passwords,
// name) answers with its own Vietnamese message, from the service, where the person is known.

export class ActivateDto implements ActivateRequest {
  @ApiProperty({ example: 'nguyen.thi.huong' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({
    example: 'K7QD-2M9X-PA4T-8HZC',
    description: 'As printed or mailed; case and dashes do not matter',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty({ example: 'nguyen.thi.huong' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token of the mailed link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}
