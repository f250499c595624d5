import type {
  BankQuestionBody,
  CreateQuestionBankBody,
  CreateQuestionCategoryBody,
  QuizDrawRuleBody,
  QuizDrawRulesBody,
  RenameQuestionBankBody,
  BankImportQuery,
  BankExportQuery,
} from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull, TrimNfc } from '../../courses/dto/dto-helpers';
import { CreateQuestionDto } from '../../courses/dto/question.dto';

export class CreateQuestionBankDto implements CreateQuestionBankBody {
  @ApiProperty({ example: 'Ngân hàng câu hỏi Chính phủ số' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Default: the caller's unit" })
  @OptionalNotNull()
  @IsUUID()
  ownerOrgUnitId?: string;
}

/** PATCH /api/question-banks/:id */
export class RenameQuestionBankDto implements RenameQuestionBankBody {
  @ApiProperty({ example: 'Ngân hàng câu hỏi Chính phủ số 2026' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(255)
  title: string;
}

export class CreateQuestionCategoryDto implements CreateQuestionCategoryBody {
  @ApiProperty({ example: 'Chương 1: Dịch vụ công trực tuyến' })
  @IsString()
  @TrimNfc()
  @MinLength(1)
  @MaxLength(120)
  name: string;
}

export class BankQuestionDto extends CreateQuestionDto implements BankQuestionBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ type: [String], example: ['dịch vụ công'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
}

export class QuizDrawRuleDto implements QuizDrawRuleBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  categoryId: string;

  @ApiProperty({ minimum: 1, maximum: 200 })
  @IsInt()
  @Min(1)
  @Max(200)
  count: number;
}

export class QuizDrawRulesDto implements QuizDrawRulesBody {
  @ApiProperty({ type: [QuizDrawRuleDto], description: 'Replaces the rules; [] removes them' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QuizDrawRuleDto)
  rules: QuizDrawRuleDto[];
}

/** Query of a bank import: the category of rows that name none. */
export class BankImportQueryDto implements BankImportQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  categoryId?: string;
}

/** Query of a bank export: the XLSX template (default) or Moodle GIFT text. */
export class BankExportQueryDto implements BankExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'gift'], default: 'xlsx' })
  @OptionalNotNull()
  @IsIn(['xlsx', 'gift'])
  format?: 'xlsx' | 'gift';
}

/** OpenAPI description of a bank import's multipart body; the file itself is read by multer. */
export class ImportBankFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'The question template (XLSX: externalId?, type, text, option1…option10, correct, ' +
      'explanation?, category?, tags?) or Moodle GIFT text ($CATEGORY: lines set the category). ' +
      'At most 5 MB.',
  })
  file: unknown;
}
