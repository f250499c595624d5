import type { CreateCourseBody } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OptionalNotNull, TrimNfc } from './dto-helpers';

export const MAX_COURSE_HOURS = 1000;

export class CreateCourseDto implements CreateCourseBody {
  @ApiProperty({
    example: 'CDS-101',
    description: 'Unique code: letters, digits, ".", "_" or "-" (stored upper-case)',
  })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, {
    message: 'code must be 1–64 letters, digits, ".", "_" or "-"',
  })
  code: string;

  @ApiProperty({ example: 'Chuyển đổi số cơ bản cho cán bộ, công chức' })
  @IsString()
  @TrimNfc()
  @MinLength(2)
  @MaxLength(255)
  title: string;

  @ApiPropertyOptional({
    example: 'Những kiến thức nền tảng về chuyển đổi số trong cơ quan nhà nước.',
  })
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 4.5, description: 'Training hours credited on completion (> 0, ≤ 1000)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(MAX_COURSE_HOURS)
  hours: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Owning unit (default: yours); must be in your scope',
  })
  @IsOptional()
  @IsUUID()
  ownerOrgUnitId?: string;
}
