import {
  COVERAGE_EXPORT_FORMATS,
  CoverageExportFormat,
  CSV_SEPARATORS,
  CsvSeparator,
  type CoverageExportQuery as CoverageExportQueryContract,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class CoverageExportQuery implements CoverageExportQueryContract {
  @ApiProperty({ enum: COVERAGE_EXPORT_FORMATS })
  @IsIn(COVERAGE_EXPORT_FORMATS, {
    message: `format must be one of ${COVERAGE_EXPORT_FORMATS.join(', ')}`,
  })
  format: CoverageExportFormat;

  @ApiPropertyOptional({
    enum: CSV_SEPARATORS,
    default: ',',
    description: "CSV only: ';' writes decimal commas, as Excel in Vietnamese expects",
  })
  @IsOptional()
  @IsIn(CSV_SEPARATORS, { message: `separator must be one of ${CSV_SEPARATORS.join(' ')}` })
  separator?: CsvSeparator;
}
