import type { MyTrainingRecord } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class MyTrainingRecordDto implements MyTrainingRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Lớp bồi dưỡng kỹ năng số của Sở Nội vụ' }) title: string;
  @ApiProperty({ example: 8 }) hours: number;
  @ApiProperty({ format: 'date', example: '2026-05-20' }) completedOn: string;
  @ApiProperty({ example: 2026, description: 'Training year: the year of completedOn' })
  year: number;
  @ApiProperty({ example: 'Học viện Hành chính Quốc gia' }) provider: string;
  @ApiProperty({
    description: 'HR uploaded a scan: `GET /api/me/training-records/{id}/evidence` downloads it',
  })
  hasEvidence: boolean;
}
