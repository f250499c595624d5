import type { CreateCurriculumRequest } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const text = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().normalize('NFC') : value;

export class CreateCurriculumDto implements CreateCurriculumRequest {
  @ApiProperty({
    example: 'CT-CDS-XA',
    description: 'Unique code: letters, digits, ".", "_" or "-"',
  })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, {
    message: 'code must be 1–64 letters, digits, ".", "_" or "-"',
  })
  code: string;

  @ApiProperty({ example: 'Chương trình bồi dưỡng cán bộ chuyên trách chuyển đổi số cấp xã' })
  @IsString()
  @Transform(text)
  @MinLength(2)
  @MaxLength(255)
  title: string;

  @ApiPropertyOptional({ example: 'Kiến thức và kỹ năng nền tảng về chuyển đổi số' })
  @IsOptional()
  @IsString()
  @Transform(text)
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ example: 'Cán bộ chuyên trách CĐS cấp xã' })
  @IsOptional()
  @IsString()
  @Transform(text)
  @MaxLength(255)
  audience?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['Công chức Văn hóa - Xã hội'],
    description:
      'Job titles it applies to (matched without case or diacritics); empty: everyone in scope',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => text({ value: v })) : value))
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(255, { each: true })
  jobTitles?: string[];

  @ApiProperty({ example: 40, description: 'Hours a person should reach each year' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9999.99)
  hoursPerYear: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Owner unit (default: yours); learners of its subtree see it',
  })
  @IsOptional()
  @IsUUID()
  ownerOrgUnitId?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Courses in order; each must be visible from the owner unit (owned by it or an ancestor)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'courseIds must not repeat a course' })
  @IsUUID('all', { each: true })
  courseIds: string[];
}
