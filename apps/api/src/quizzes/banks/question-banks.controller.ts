import type {
  BankQuestionSaved,
  CreatedId,
  QuestionBankResponse,
  QuestionBankSummary,
  QuestionImportResult,
  QuizDrawRuleView,
} from '@dx/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../auth/auth-user';
import { Roles } from '../../auth/roles.decorator';
import { uuidParam } from '../../http/uuid-param.pipe';
import { ImportFileInterceptor } from '../../users/import/import-file.interceptor';
import type { ImportUpload } from '../../users/import/user-sheet.reader';
import { BankImportService } from './bank-import.service';
import { DrawRulesService } from './draw-rules.service';
import {
  BankImportQueryDto,
  BankQuestionDto,
  CreateQuestionBankDto,
  CreateQuestionCategoryDto,
  QuizDrawRulesDto,
} from './question-bank.dto';
import { QuestionBanksService } from './question-banks.service';

class ImportBankFileDto {
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

/** Question banks of a unit: trainers whose scope holds the owner unit (sysadmin: all). */
@ApiTags('question-banks')
@ApiBearerAuth()
@Roles('trainer')
@Controller()
export class QuestionBanksController {
  constructor(
    private readonly banks: QuestionBanksService,
    private readonly importer: BankImportService,
    private readonly rules: DrawRulesService,
  ) {}

  @Get('question-banks')
  @ApiOperation({ summary: 'Question banks owned inside your scope' })
  list(@CurrentUser() u: AuthUser): Promise<QuestionBankSummary[]> {
    return this.banks.list(u);
  }

  @Post('question-banks')
  @ApiOperation({ summary: 'Create a question bank owned by a unit of your scope' })
  create(@CurrentUser() u: AuthUser, @Body() dto: CreateQuestionBankDto): Promise<CreatedId> {
    return this.banks.create(u, dto);
  }

  @Get('question-banks/:id')
  @ApiOperation({ summary: 'A bank: categories and the current version of each question' })
  get(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<QuestionBankResponse> {
    return this.banks.get(u, id);
  }

  @Post('question-banks/:id/categories')
  @ApiOperation({ summary: 'Add a category (names are unique in a bank)' })
  addCategory(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateQuestionCategoryDto,
  ): Promise<CreatedId> {
    return this.banks.addCategory(u, id, dto);
  }

  @Post('question-banks/:id/questions')
  @ApiOperation({ summary: 'Add a question (version 1) to a category of the bank' })
  addQuestion(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: BankQuestionDto,
  ): Promise<BankQuestionSaved> {
    return this.banks.addQuestion(u, id, dto);
  }

  @Post('question-banks/:id/import')
  @HttpCode(200)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportBankFileDto })
  @ApiOperation({
    summary: 'Import questions into the bank from the XLSX template or GIFT',
    description:
      'All or nothing: any bad row → 400 with every error as rows.<row>.<column>. Rows without a ' +
      'category go to ?categoryId=. A row whose externalId the bank holds makes a new version when ' +
      'it changed; the same file twice changes nothing.',
  })
  import(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: BankImportQueryDto,
    @UploadedFile() file: ImportUpload | undefined,
  ): Promise<QuestionImportResult> {
    return this.importer.import(u, id, file, query.categoryId);
  }

  @Put('bank-questions/:id')
  @ApiOperation({
    summary: 'Edit a bank question: saves a new version (its id is answered)',
    description: 'Attempts that drew the edited version keep it. 409 when the id is not current.',
  })
  updateQuestion(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: BankQuestionDto,
  ): Promise<BankQuestionSaved> {
    return this.banks.updateQuestion(u, id, dto);
  }

  @Delete('bank-questions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a bank question (attempts that drew it keep it)' })
  deleteQuestion(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.banks.deleteQuestion(u, id);
  }

  @Get('quizzes/:id/draw-rules')
  @ApiOperation({ summary: 'Bank categories the quiz draws from, with what each holds' })
  drawRules(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<QuizDrawRuleView[]> {
    return this.rules.get(u, id);
  }

  @Put('quizzes/:id/draw-rules')
  @ApiOperation({
    summary: "Replace the quiz's draw rules (on the draft)",
    description:
      'Each attempt draws `count` current questions of each category on top of the quiz’s own. ' +
      'Publishing refuses a category holding fewer than it draws (the category named).',
  })
  replaceDrawRules(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: QuizDrawRulesDto,
  ): Promise<QuizDrawRuleView[]> {
    return this.rules.replace(u, id, dto);
  }
}
