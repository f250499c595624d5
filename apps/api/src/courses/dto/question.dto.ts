import type {
  CreateQuestionBody,
  QuestionImageBody,
  QuestionOptionBody,
  UpdateQuestionBody,
} from '@dx/contracts';
import { CHOICE_QUESTION_TYPES, QUESTION_TYPES, type QuestionType } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { parseNumber } from '../../quizzes/typed-answers';
import { OptionalNotNull, TrimNfc } from './dto-helpers';

const TYPES = QUESTION_TYPES as QuestionType[];

/** An uploaded image (POST /api/question-images) and the text that replaces it for screen readers. */
export class QuestionImageDto implements QuestionImageBody {
  @ApiProperty({ example: 'question-images/0123456789abcdef0123456789abcdef.png' })
  @IsString()
  @Matches(/^question-images\/[0-9a-f]{32}\.(png|jpg|gif|webp)$/, {
    message: 'key must be one answered by POST /api/question-images',
  })
  key: string;

  @ApiProperty({ example: 'Sơ đồ các bước nộp hồ sơ trực tuyến', minLength: 1, maxLength: 500 })
  @IsString()
  @TrimNfc()
  @MinLength(1, { message: 'alt text is required: it is what a screen reader reads' })
  @MaxLength(500)
  alt: string;
}

export class QuestionOptionDto implements QuestionOptionBody {
  @ApiProperty({ example: 'Cổng Dịch vụ công quốc gia' })
  @IsString()
  @TrimNfc()
  @MinLength(1, { message: 'option text must not be empty' })
  @MaxLength(1000)
  text: string;

  @ApiProperty({ description: 'Choice types: a correct answer; ignored by the other types' })
  @IsBoolean()
  correct: boolean;

  @ApiPropertyOptional({ description: 'Matching: the right-hand text this option pairs with' })
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MaxLength(1000)
  match?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Numeric: accepted distance from the value' })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  tolerance?: number;

  @ApiPropertyOptional({
    type: QuestionImageDto,
    nullable: true,
    description: 'Choice, ordering and matching: an image shown with the option',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionImageDto)
  image?: QuestionImageDto | null;
}

/** A number as authors type it: "3,5" or "3.5" (the learners' own rule). */
const isNumberText = (s: unknown) => typeof s === 'string' && parseNumber(s) !== null;

const sameText = (s: unknown) =>
  typeof s === 'string' ? s.normalize('NFC').trim().toLocaleLowerCase('vi') : s;

/** The rules of the types whose options are not choices; null when the set fits. */
function structuredRuleError(
  type: QuestionType,
  options: Record<string, unknown>[],
): string | null {
  if (type === 'ordering' || type === 'matching') {
    if (options.length < 2) return `a ${type} question has at least 2 options`;
    const texts = options.map((o) => sameText(o?.text));
    if (new Set(texts).size !== texts.length)
      return `the options of a ${type} question must differ`;
  }
  if (type === 'matching' && options.some((o) => typeof o?.match !== 'string' || !o.match.trim()))
    return 'every option of a matching question needs its match';
  if ((type === 'short_answer' || type === 'numeric') && options.some((o) => o?.image))
    return `the options of a ${type} question are never shown, so they carry no image`;
  if (type === 'numeric' && options.some((o) => !isNumberText(o?.text)))
    return 'every option of a numeric question is a number (3,5 or 3.5)';
  return null;
}

/** How many options and correct answers each type allows; null when the set fits. */
export function optionRuleError(type: unknown, options: unknown): string | null {
  if (!Array.isArray(options) || !TYPES.includes(type as QuestionType)) return null;
  if (!CHOICE_QUESTION_TYPES.includes(type as QuestionType))
    return structuredRuleError(type as QuestionType, options);
  if (options.length < 2) return 'a choice question has at least 2 options';
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
    description:
      '1–10 options. single/true_false: 2+, one correct; multiple: 2+, ≥ 1 correct; ordering: 2+ in the correct order; matching: 2+ each with its match; short_answer: the accepted answers; numeric: the accepted values',
  })
  @IsArray()
  @ArrayMinSize(1)
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

  @ApiPropertyOptional({
    type: QuestionImageDto,
    nullable: true,
    description: 'An image shown with the question; null removes it',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionImageDto)
  image?: QuestionImageDto | null;

  @ApiPropertyOptional({ default: true, description: 'Short answer: compare without case' })
  @OptionalNotNull()
  @IsBoolean()
  ignoreCase?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Short answer: compare without diacritics ("Ha Noi" accepted for "Hà Nội")',
  })
  @OptionalNotNull()
  @IsBoolean()
  ignoreDiacritics?: boolean;
}

/** What optionRows and textRuleColumns read of a question body (the editor's, a file row's). */
type QuestionContent = Pick<
  CreateQuestionBody,
  'type' | 'options' | 'ignoreCase' | 'ignoreDiacritics'
>;

/** The option rows a question's body stores: only choice types keep `correct` as given. */
export function optionRows(dto: QuestionContent) {
  const choice = CHOICE_QUESTION_TYPES.includes(dto.type);
  return dto.options.map((o, i) => ({
    position: i + 1,
    text: o.text,
    correct: choice ? o.correct : true,
    match: dto.type === 'matching' ? (o.match ?? null) : null,
    tolerance: dto.type === 'numeric' ? (o.tolerance ?? null) : null,
    imageKey: o.image?.key ?? null,
    imageAlt: o.image ? o.image.alt : null,
  }));
}

/** The question columns beyond type/text/explanation that a body sets. */
export const textRuleColumns = (dto: QuestionContent) => ({
  ignoreCase: dto.ignoreCase ?? true,
  ignoreDiacritics: dto.ignoreDiacritics ?? false,
});

/** Replaces the question (type, text, options, explanation); `position` moves it. */
export class UpdateQuestionDto extends CreateQuestionDto implements UpdateQuestionBody {
  @ApiPropertyOptional({ minimum: 1 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  position?: number;
}
