import {
  CERTIFICATE_EXPORT_FORMATS,
  CertificateExportFormat,
  CertificateExportRequest,
  FIRST_REPORT_YEAR,
} from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

export class RequestCertificateExportDto implements CertificateExportRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'Unit whose subtree issued the certificates (in your scope)',
  })
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({
    example: 2026,
    minimum: FIRST_REPORT_YEAR,
    description: 'Year of issue in TZ_REPORTS (the year in the serial), up to the current year',
  })
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  // The upper bound is the current year in TZ_REPORTS, checked by the service.
  @Max(9999)
  year: number;

  @ApiProperty({
    enum: CERTIFICATE_EXPORT_FORMATS,
    description: 'zip: every PDF; xlsx or pdf: the register (sổ cấp)',
  })
  @IsIn(CERTIFICATE_EXPORT_FORMATS)
  format: CertificateExportFormat;
}
