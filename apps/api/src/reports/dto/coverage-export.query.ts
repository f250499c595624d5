import { COVERAGE_EXPORT_FORMATS, CoverageExportFormat } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CoverageExportQuery {
  @ApiProperty({ enum: COVERAGE_EXPORT_FORMATS })
  @IsIn(COVERAGE_EXPORT_FORMATS, {
    message: `format must be one of ${COVERAGE_EXPORT_FORMATS.join(', ')}`,
  })
  format: CoverageExportFormat;
}
