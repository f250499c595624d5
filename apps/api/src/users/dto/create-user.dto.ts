import { DX_ROLES, DxRole, Role, ROLES, type CreateUserRequest } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const trimNfc = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().normalize('NFC') : value;

/** A citizen identity card (CCCD) number: 12 digits; spaces people type in it are dropped. */
export const NATIONAL_ID_PATTERN = /^\d{12}$/;
export const NATIONAL_ID_MESSAGE = 'nationalId must be the 12 digits of a citizen identity card';
export const normaliseNationalId = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, '') : value;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'nguyen.thi.huong', description: '3–64 of a-z, 0-9, ".", "_", "-"' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(USERNAME_PATTERN, { message: 'username must be 3–64 of a-z, 0-9, ".", "_" or "-"' })
  username: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Nguyễn Thị Hường' })
  @IsString()
  @Transform(trimNfc)
  @MinLength(2)
  @MaxLength(255)
  fullName: string;

  @ApiPropertyOptional({ example: 'huong.nt@hanoi.gov.vn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional({ example: '1990-05-17' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'dateOfBirth must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  dateOfBirth?: string;

  @ApiPropertyOptional({
    example: '001090012345',
    description: 'Citizen identity number (CCCD, 12 digits), unique; shown to hr and sysadmin only',
  })
  @IsOptional()
  @Transform(normaliseNationalId)
  @Matches(NATIONAL_ID_PATTERN, { message: NATIONAL_ID_MESSAGE })
  nationalId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({ example: 'Chuyên viên' })
  @IsOptional()
  @IsString()
  @Transform(trimNfc)
  @MaxLength(255)
  jobTitle?: string;

  @ApiProperty({ enum: DX_ROLES })
  @IsIn(DX_ROLES)
  dxRole: DxRole;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, default: ['learner'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}
