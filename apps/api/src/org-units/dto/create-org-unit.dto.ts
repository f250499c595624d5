import type { CreateOrgUnitRequest } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

export class CreateOrgUnitDto implements CreateOrgUnitRequest {
  @ApiProperty({
    example: 'HN-SO-TTTT',
    description: 'Unique code: letters, digits, ".", "_" or "-"',
  })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, {
    message: 'code must be 1–64 letters, digits, ".", "_" or "-"',
  })
  code: string;

  @ApiProperty({ example: 'Sở Thông tin và Truyền thông Hà Nội' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().normalize('NFC') : value))
  @MinLength(2)
  @MaxLength(255)
  name: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf((o) => o.parentId !== null)
  @IsUUID()
  parentId: string | null;

  @ApiPropertyOptional({ example: '2025-07-01', description: 'Date from which the unit exists' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be YYYY-MM-DD' })
  validFrom?: string;
}
