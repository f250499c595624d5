import type { CreateQuizBody, UpdateQuizBody } from '@dx/contracts';
import { type QuizKind, REVIEW_POLICIES, type ReviewPolicy } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { OptionalNotNull, TrimNfc } from './dto-helpers';

const KINDS: QuizKind[] = ['practice', 'final'];

export class CreateQuizDto implements CreateQuizBody {
  @ApiProperty({ example: 'Bài kiểm tra cuối khóa' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  @ApiProperty({ enum: KINDS, description: 'At most one final quiz per course version' })
  @IsIn(KINDS)
  kind: QuizKind;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 50 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100)
  passingScore?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 86400, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  timeLimitSeconds?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts?: number | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 500,
    nullable: true,
    type: Number,
    description: 'Drawn per attempt; null: all',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  questionsPerAttempt?: number | null;

  @ApiPropertyOptional({ default: true })
  @OptionalNotNull()
  @IsBoolean()
  shuffle?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Module a practice quiz belongs to',
  })
  @IsOptional()
  @IsUUID()
  moduleId?: string | null;
  @ApiPropertyOptional({
    enum: REVIEW_POLICIES,
    description:
      'When a closed attempt shows correct answers and explanations (the score always shows). ' +
      'Default: immediately for practice, after_passing for final',
  })
  @OptionalNotNull()
  @IsIn(REVIEW_POLICIES)
  reviewPolicy?: ReviewPolicy;
}

/** Same fields, all optional; `null` clears the optional limits and the module. */
export class UpdateQuizDto implements UpdateQuizBody {
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
  kind?: QuizKind;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100)
  passingScore?: number;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  timeLimitSeconds?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  questionsPerAttempt?: number | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  shuffle?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  moduleId?: string | null;
  @ApiPropertyOptional({
    enum: REVIEW_POLICIES,
    description: "Changing kind without it resets it to the new kind's default",
  })
  @OptionalNotNull()
  @IsIn(REVIEW_POLICIES)
  reviewPolicy?: ReviewPolicy;
}
