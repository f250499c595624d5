import type { UserImportRow } from '@dx/contracts';
import { PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** Same shape as an org unit code (see CreateOrgUnitDto); compared upper-case. */
const ORG_UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;

/**
 * One data row of a user import. The profile fields carry CreateUserDto's own rules
 * (PickType copies its validators and transforms), so both ways in stay in step; only
 * the unit is named by code instead of id.
 */
export class ImportUserRowDto
  extends PickType(CreateUserDto, [
    'username',
    'fullName',
    'email',
    'dateOfBirth',
    'nationalId',
    'jobTitle',
    'dxRole',
  ] as const)
  implements UserImportRow
{
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(ORG_UNIT_CODE_PATTERN, {
    message: 'orgUnitCode must be 1–64 letters, digits, ".", "_" or "-"',
  })
  orgUnitCode: string;
}
