import type { CreateModuleBody, UpdateModuleBody } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNotNull, TrimNfc } from './dto-helpers';

export class CreateModuleDto implements CreateModuleBody {
  @ApiProperty({ example: 'Chương 1. Tổng quan về chuyển đổi số' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title: string;
}

export class UpdateModuleDto implements UpdateModuleBody {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title?: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'Move to this place (1 = first); the others shift',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  position?: number;
}
