import { DX_ROLES, DxRole, Role, ROLES, type UpdateUserRequest } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  DATE_PATTERN,
  NATIONAL_ID_MESSAGE,
  NATIONAL_ID_PATTERN,
  normaliseNationalId,
} from './create-user.dto';

const trimNfc = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().normalize('NFC') : value;

/**
 * `PATCH /api/users/:id`: only the fields given change; `null` clears email, job title and
 * national ID number.
 */
export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Hường' })
  @IsOptional()
  @IsString()
  @Transform(trimNfc)
  @MinLength(2)
  @MaxLength(255)
  fullName?: string;

  @ApiPropertyOptional({ type: String, example: 'huong.nt@hanoi.gov.vn', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Chuyên viên', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @Transform(trimNfc)
  @MaxLength(255)
  jobTitle?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: '001090012345',
    nullable: true,
    description: 'Citizen identity number (CCCD, 12 digits), unique; null clears it',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Transform(normaliseNationalId)
  @Matches(NATIONAL_ID_PATTERN, { message: NATIONAL_ID_MESSAGE })
  nationalId?: string | null;

  @ApiPropertyOptional({ enum: DX_ROLES })
  @IsOptional()
  @IsIn(DX_ROLES)
  dxRole?: DxRole;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({
    description: 'false: deactivate (sign-in and tokens end); true: reactivate',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Transfer to this unit (with effectiveDate)',
  })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({
    example: '2026-07-01',
    description:
      'First day in the new unit (default today); not before the current membership began, not in the future',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'effectiveDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  effectiveDate?: string;
}
