import type { CreateLessonBody, UpdateLessonBody } from '@dx/contracts';
import { LESSON_CONTENT_MAX_BYTES, type LessonKind } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MaxUtf8Bytes, OptionalNotNull, TrimNfc } from './dto-helpers';

/** A day: the database check allows no more. */
export const MAX_LESSON_MIN_SECONDS = 86_400;
const KINDS: LessonKind[] = ['text', 'video', 'file'];
const HTTPS_URL = { protocols: ['https'], require_protocol: true, require_tld: true };
const HTTPS_MESSAGE = { message: 'videoUrl must be an https:// URL' };

// Which fields a kind needs is checked on the resulting lesson (lesson-rules.ts), so a
// PATCH that changes the kind is judged like a create.
export class CreateLessonDto implements CreateLessonBody {
  @ApiProperty({ example: 'Bài 1. Chuyển đổi số là gì?' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind: LessonKind;

  @ApiPropertyOptional({ description: 'Markdown (≤ 200 KB); required for text lessons' })
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MaxUtf8Bytes(LESSON_CONTENT_MAX_BYTES)
  content?: string;

  @ApiPropertyOptional({
    example: 'https://www.youtube.com/watch?v=abc',
    description: 'https URL; video lessons',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2048)
  @IsUrl(HTTPS_URL, HTTPS_MESSAGE)
  videoUrl?: string;

  @ApiProperty({ example: 15, minimum: 0, maximum: 1440 })
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes: number;

  @ApiPropertyOptional({
    example: 300,
    minimum: 0,
    maximum: MAX_LESSON_MIN_SECONDS,
    description: 'Minimum seconds on the lesson before it can be completed (0 = none, default)',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_LESSON_MIN_SECONDS)
  minSeconds?: number;
}

/** `null` clears content or videoUrl. */
export class UpdateLessonDto implements UpdateLessonBody {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @OptionalNotNull()
  @IsIn(KINDS)
  kind?: LessonKind;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @TrimNfc()
  @MaxUtf8Bytes(LESSON_CONTENT_MAX_BYTES)
  content?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsUrl(HTTPS_URL, HTTPS_MESSAGE)
  videoUrl?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 1440 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_LESSON_MIN_SECONDS })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_LESSON_MIN_SECONDS)
  minSeconds?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'Move to this place in its module (1 = first)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  position?: number;
}

/** Swagger description of the multipart upload. */
export class LessonFileUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, DOCX, PPTX, XLSX or MP4, ≤ 20 MB',
  })
  file: unknown;
}
