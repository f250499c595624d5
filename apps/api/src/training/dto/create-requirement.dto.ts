import {
  REQUIREMENT_DX_ROLES,
  type RequirementDxRole,
  type CreateRequirementRequest,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const trimmedTitles = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v.trim().normalize('NFC') : v))
    : value;

export class CreateRequirementDto implements CreateRequirementRequest {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ description: 'Its people: this unit’s subtree' })
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ enum: REQUIREMENT_DX_ROLES, isArray: true, example: ['full_time', 'part_time'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(REQUIREMENT_DX_ROLES, {
    each: true,
    message: 'each DX role must be full_time or part_time',
  })
  dxRoles: RequirementDxRole[];

  @ApiPropertyOptional({ type: [String], example: ['Công chức Văn hóa - Xã hội'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(trimmedTitles)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(255, { each: true })
  jobTitles?: string[];

  @ApiPropertyOptional({
    example: 24,
    description: 'Hours to earn (> 0, ≤ 2,000); default: the curriculum’s hoursPerYear',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(2000)
  hours?: number;

  @ApiProperty({ example: '2026-12-31', description: 'A day of `year`' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate: string;

  @ApiPropertyOptional({ description: 'Only this curriculum’s courses count' })
  @IsOptional()
  @IsUUID()
  curriculumId?: string;
}
