import type { AttemptAnswer, SubmitAttemptRequest } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull } from '../../courses/dto/dto-helpers';

/** Generous bounds that still keep a hostile body from costing real work. */
export const MAX_ANSWERS = 500;
export const MAX_OPTIONS_PER_ANSWER = 50;
export const MAX_TYPED_ANSWER = 1000;

export class AttemptAnswerDto implements AttemptAnswer {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  questionId: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'The chosen options; ordering: every option in the chosen order; matching: the left-hand options; [] = no answer',
  })
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS_PER_ANSWER)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  optionIds: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_OPTIONS_PER_ANSWER,
    description: "Matching: the right-hand text chosen for each of optionIds ('' = none)",
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS_PER_ANSWER)
  @IsString({ each: true })
  @MaxLength(MAX_TYPED_ANSWER, { each: true })
  matches?: string[];

  @ApiPropertyOptional({
    maxLength: MAX_TYPED_ANSWER,
    description: 'Short answer and numeric: what the learner typed',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(MAX_TYPED_ANSWER)
  text?: string;
}

/** Body of submit and of saving progress: one entry per answered question. */
export class AttemptAnswersDto implements SubmitAttemptRequest {
  @ApiProperty({ type: [AttemptAnswerDto], maxItems: MAX_ANSWERS })
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS)
  @ValidateNested({ each: true })
  @Type(() => AttemptAnswerDto)
  answers: AttemptAnswerDto[];
}
