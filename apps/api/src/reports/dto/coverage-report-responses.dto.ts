import type {
  CoverageJobStatus,
  CoverageReadFrom,
  CoverageMergeNote,
  CoverageReport,
  CoverageReportRow,
  CoverageReportSummary,
  CoverageSplit,
  JobErrorCode,
  JobState,
  JobAccepted,
} from '@dx/contracts';
import { JOB_ERROR_CODES } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response shapes for the OpenAPI document only; the services return the contract types.

export class CoverageJobAcceptedDto implements JobAccepted {
  @ApiProperty({ example: 'coverage-0b7f8a44-3f1e-4c1a-9d55-1f0d2f7e9a10' }) jobId: string;
}

export class CoverageJobStatusDto implements CoverageJobStatus {
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed'] }) state: JobState;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({ format: 'uuid' }) reportId?: string;
  @ApiPropertyOptional({ description: 'English, for logs' }) error?: string;
  @ApiPropertyOptional({ enum: JOB_ERROR_CODES, description: 'Why it failed, for translations' })
  errorCode?: JobErrorCode;
}

export class CoverageSplitDto implements CoverageSplit {
  @ApiProperty() dxStaff: number;
  @ApiProperty() trained: number;
}

export class CoverageReportRowDto implements CoverageReportRow {
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() code: string;
  @ApiProperty({ description: 'Name at the end of the year' }) name: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Null for the report's unit",
  })
  parentId: string | null;
  @ApiProperty({ description: "0 for the report's unit" }) depth: number;
  @ApiProperty({ description: 'DX staff of the whole subtree on 31 December' }) dxStaff: number;
  @ApiProperty({ description: 'Of them, with a course completed within the year' }) trained: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'trained / dxStaff (0 without DX staff)' })
  coverage: number;
  @ApiProperty({ description: 'Hours of those completed courses' }) hours: number;
  @ApiProperty({ description: 'Number of those course certificates' }) certificates: number;
  @ApiProperty({ type: CoverageSplitDto, description: 'DX staff with dxRole full_time' })
  fullTime: CoverageSplit;
  @ApiProperty({ type: CoverageSplitDto, description: 'DX staff with dxRole part_time' })
  partTime: CoverageSplit;
  @ApiProperty({
    description: 'DX staff who met every requirement of the year that applied to them',
  })
  requirementMet: number;
}

export class CoverageReportSummaryDto implements CoverageReportSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ description: 'The unit’s code as the report shows it (end of its year)' })
  orgUnitCode: string;
  @ApiProperty({ description: 'The unit’s name as the report shows it (end of its year)' })
  orgUnitName: string;
  @ApiProperty({ description: 'The scheduled figures of a closed year (immutable)' })
  official: boolean;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

export class CoverageMergeNoteDto implements CoverageMergeNote {
  @ApiProperty({ format: 'uuid', description: 'The absorbed unit' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'uuid' }) successorId: string;
  @ApiProperty() successorName: string;
  @ApiProperty({ format: 'date', description: 'The day the absorbed unit closed' })
  effectiveDate: string;
}

export class CoverageReadFromDto implements CoverageReadFrom {
  @ApiProperty({ enum: ['replica', 'primary'] }) server: 'replica' | 'primary';
  @ApiProperty({ example: 'replica caught up after 1200 ms' }) detail: string;
}

export class CoverageReportDto implements CoverageReport {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ description: 'The scheduled figures of a closed year (immutable)' })
  official: boolean;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiPropertyOptional({
    type: CoverageReadFromDto,
    description: 'The server the figures were read on (replica or primary) and why',
  })
  readFrom?: CoverageReadFrom;
  @ApiProperty({
    type: [CoverageReportRowDto],
    description: 'Tree order: a parent before its children',
  })
  rows: CoverageReportRow[];
  @ApiProperty({
    type: [CoverageMergeNoteDto],
    description: 'Merges whose absorbed unit or successor is one of the rows',
  })
  merges: CoverageMergeNote[];
}
