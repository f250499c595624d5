import type { PublicCertificateQuery as PublicCertificateQueryContract } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `?c=`: the code printed in the certificate's QR code and verify link. */
export class PublicCertificateQuery implements PublicCertificateQueryContract {
  @ApiPropertyOptional({ description: 'Verify code from the QR code / verify link', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  c?: string;
}
