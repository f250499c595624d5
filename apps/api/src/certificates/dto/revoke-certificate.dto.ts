import {
  REVOCATION_NOTE_MAX_LENGTH,
  REVOCATION_REASONS,
  RevocationReason,
  RevokeCertificateRequest,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class RevokeCertificateDto implements RevokeCertificateRequest {
  @ApiProperty({
    enum: REVOCATION_REASONS,
    description:
      'Ground of revocation: fraud, not_eligible (did not meet the conditions), altered, lent (lent to another person), issuer_error',
  })
  @IsIn(REVOCATION_REASONS)
  reason: RevocationReason;

  @ApiPropertyOptional({
    maxLength: REVOCATION_NOTE_MAX_LENGTH,
    description: 'Decision number, details',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REVOCATION_NOTE_MAX_LENGTH)
  note?: string;
}
