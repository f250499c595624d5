import {
  REISSUE_REASONS,
  ReissueCertificateRequest,
  ReissueReason,
  REVOCATION_NOTE_MAX_LENGTH,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export const HOLDER_NAME_MAX_LENGTH = 255;

export class ReissueCertificateDto implements ReissueCertificateRequest {
  @ApiProperty({
    enum: REISSUE_REASONS,
    description: 'lost: a new copy of the same data; name_correction: the holder name is corrected',
  })
  @IsIn(REISSUE_REASONS)
  reason: ReissueReason;

  @ApiPropertyOptional({
    maxLength: HOLDER_NAME_MAX_LENGTH,
    description: 'The corrected full name; required for name_correction, refused otherwise',
  })
  @Transform(({ value }) =>
    typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value,
  )
  @ValidateIf(
    (o: ReissueCertificateDto) => o.reason === 'name_correction' || o.holderName !== undefined,
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(HOLDER_NAME_MAX_LENGTH)
  holderName?: string;

  @ApiPropertyOptional({ maxLength: REVOCATION_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REVOCATION_NOTE_MAX_LENGTH)
  note?: string;
}
