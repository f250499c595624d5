import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID, ValidateNested } from 'class-validator';

/** Generous bounds that still keep a hostile body from costing real work. */
export const MAX_ANSWERS = 500;
export const MAX_OPTIONS_PER_ANSWER = 50;

export class AttemptAnswerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  questionId: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The chosen options; [] = no answer',
  })
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS_PER_ANSWER)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  optionIds: string[];
}

/** Body of submit and of saving progress: one entry per answered question. */
export class AttemptAnswersDto {
  @ApiProperty({ type: [AttemptAnswerDto], maxItems: MAX_ANSWERS })
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS)
  @ValidateNested({ each: true })
  @Type(() => AttemptAnswerDto)
  answers: AttemptAnswerDto[];
}
