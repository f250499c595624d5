import type { UpdateCourseBody } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsNumber,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MAX_COURSE_HOURS } from './create-course.dto';
import { OptionalNotNull, TrimNfc } from './dto-helpers';

/** Changes go to the draft version (opened from the published one when needed). */
export class UpdateCourseDto implements UpdateCourseBody {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MinLength(2)
  @MaxLength(255)
  title?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @TrimNfc()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: 6 })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(MAX_COURSE_HOURS)
  hours?: number;

  @ApiPropertyOptional({ description: 'Learners complete the lessons in outline order' })
  @OptionalNotNull()
  @IsBoolean()
  sequentialLessons?: boolean;
}
