import type { CertificateStatus, CertificateListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export const CERTIFICATE_STATUSES: CertificateStatus[] = ['pending', 'issued', 'revoked'];

export class ListCertificatesQuery extends PageQueryDto implements CertificateListQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;

  @ApiPropertyOptional({ description: 'Part of the serial, holder name or course title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Certificates issued by, or held by people of, this unit and its subtree',
  })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}
