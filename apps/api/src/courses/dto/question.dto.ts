import type { CreateQuestionBody, QuestionOptionBody, UpdateQuestionBody } from '@dx/contracts';
import type { QuestionType } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull, TrimNfc } from './dto-helpers';

const TYPES: QuestionType[] = ['single', 'multiple', 'true_false'];

export class QuestionOptionDto implements QuestionOptionBody {
  @ApiProperty({ example: 'Cổng Dịch vụ công quốc gia' })
  @IsString()
  @TrimNfc()
  @MinLength(1, { message: 'option text must not be empty' })
  @MaxLength(1000)
  text: string;

  @ApiProperty()
  @IsBoolean()
  correct: boolean;
}

/** How many options and correct answers each type allows; null when the set fits. */
export function optionRuleError(type: unknown, options: unknown): string | null {
  if (!Array.isArray(options) || !TYPES.includes(type as QuestionType)) return null;
  const correct = options.filter((o) => o?.correct === true).length;
  if (type === 'true_false' && options.length !== 2)
    return 'a true/false question has exactly 2 options';
  if (type !== 'multiple' && correct !== 1)
    return `a ${type} question has exactly one correct option`;
  if (type === 'multiple' && correct < 1)
    return 'a multiple-choice question has at least one correct option';
  return null;
}

const FitsQuestionType = () =>
  ValidateBy({
    name: 'fitsQuestionType',
    validator: {
      validate: (options, args) =>
        optionRuleError((args?.object as CreateQuestionDto).type, options) === null,
      defaultMessage: (args) =>
        optionRuleError((args?.object as CreateQuestionDto).type, args?.value) ?? '',
    },
  });

export class CreateQuestionDto implements CreateQuestionBody {
  @ApiProperty({ enum: TYPES })
  @IsIn(TYPES)
  type: QuestionType;

  @ApiProperty({ example: 'Dịch vụ công trực tuyến toàn trình là gì?' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(5000)
  text: string;

  @ApiProperty({
    type: [QuestionOptionDto],
    description: '2–10 options; single/true_false: one correct; multiple: ≥ 1',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  @FitsQuestionType()
  options: QuestionOptionDto[];

  @ApiPropertyOptional({ description: 'Shown in the review after submission' })
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MaxLength(5000)
  explanation?: string;
}

/** Replaces the question (type, text, options, explanation); `position` moves it. */
export class UpdateQuestionDto extends CreateQuestionDto implements UpdateQuestionBody {
  @ApiPropertyOptional({ minimum: 1 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  position?: number;
}
