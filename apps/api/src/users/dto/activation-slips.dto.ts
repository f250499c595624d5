import type { ActivationSlipsRequest, ActivationSlipsStatus, JobAccepted } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RequestActivationSlipsDto implements ActivationSlipsRequest {
  @ApiProperty({
    format: 'uuid',
    description:
      'Unit whose subtree gets slips (in your scope): everyone who has not activated yet',
  })
  @IsUUID()
  orgUnitId: string;
}

export class ActivationSlipsAcceptedDto implements JobAccepted {
  @ApiProperty({ example: 'activation-slips-6f1c0c1e-6a5e-4f0e-9d43-3b8f8c7c2a10' })
  jobId: string;
}

export class ActivationSlipsStatusDto implements ActivationSlipsStatus {
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed'] })
  state: ActivationSlipsStatus['state'];
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({ description: 'People with a slip, once completed' })
  count?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the printed codes stop working' })
  expiresAt?: string;
  @ApiPropertyOptional({ description: 'Once completed: the PDF of slips (API path, bearer token)' })
  pdfUrl?: string;
  @ApiPropertyOptional({ description: 'Once completed: the XLSX list (API path, bearer token)' })
  xlsxUrl?: string;
  @ApiPropertyOptional() error?: string;
}
