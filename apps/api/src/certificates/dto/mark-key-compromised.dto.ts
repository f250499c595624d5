import type { MarkKeyCompromisedRequest } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class MarkKeyCompromisedDto implements MarkKeyCompromisedRequest {
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
    description: 'Certificates the key signed from this moment on become invalid',
  })
  @IsISO8601({ strict: true })
  from: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
