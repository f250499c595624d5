import { CoverageReportRequest, FIRST_REPORT_YEAR } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class RequestCoverageReportDto implements CoverageReportRequest {
  @ApiProperty({
    example: 2025,
    minimum: FIRST_REPORT_YEAR,
    description: `Calendar year in TZ_REPORTS, ${FIRST_REPORT_YEAR} to the current year`,
  })
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  // The upper bound is the current year in TZ_REPORTS, checked by the service.
  @Max(9999)
  year: number;

  @ApiProperty({
    format: 'uuid',
    description: 'Unit whose subtree the report covers (in your scope)',
  })
  @IsUUID()
  orgUnitId: string;
}
