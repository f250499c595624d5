import type {
  TrainingRecordFields,
  CreateTrainingRecordRequest,
  UpdateTrainingRecordRequest,
  TrainingRecordListQuery,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsNumber,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';

const text = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().normalize('NFC') : value;

/** The fields HR can correct later (all but the person). */
export class TrainingRecordFieldsDto implements TrainingRecordFields {
  @ApiProperty({ example: 'Lớp bồi dưỡng kỹ năng số của Sở Nội vụ' })
  @IsString()
  @Transform(text)
  @MinLength(2)
  @MaxLength(255)
  title: string;

  @ApiProperty({ example: 8, description: '> 0, ≤ 2,000' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(2000)
  hours: number;

  @ApiProperty({ example: '2026-05-20', description: 'Not in the future' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'completedOn must be a date YYYY-MM-DD' })
  completedOn: string;

  @ApiProperty({ example: 'Học viện Hành chính Quốc gia' })
  @IsString()
  @Transform(text)
  @MinLength(2)
  @MaxLength(255)
  provider: string;
}

export class CreateTrainingRecordDto
  extends TrainingRecordFieldsDto
  implements CreateTrainingRecordRequest
{
  @ApiProperty({ description: 'The person (in the caller’s subtree)' })
  @IsUUID()
  userId: string;
}

export class UpdateTrainingRecordDto
  extends PartialType(TrainingRecordFieldsDto)
  implements UpdateTrainingRecordRequest {}

/** `GET /api/training-records?userId=` */
export class TrainingRecordsQueryDto implements TrainingRecordListQuery {
  @ApiPropertyOptional()
  @IsUUID()
  userId: string;
}

/** OpenAPI description of the multipart body; the file itself is read by multer. */
export class TrainingEvidenceFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, JPEG or PNG (recognised by content), at most 10 MB',
  })
  file: unknown;
}
