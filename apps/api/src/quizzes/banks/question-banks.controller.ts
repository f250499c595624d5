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
  StreamableFile,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../../auth/auth-user';
import { Roles } from '../../auth/roles.decorator';
import { uuidParam } from '../../http/uuid-param.pipe';
import { ImportFileInterceptor } from '../../users/import/import-file.interceptor';
import type { ImportUpload } from '../../users/import/user-sheet.reader';
import { BankImportService } from './bank-import.service';
import { DrawRulesService } from './draw-rules.service';
import {
  BankExportQueryDto,
  BankImportQueryDto,
  BankQuestionDto,
  CreateQuestionBankDto,
  CreateQuestionCategoryDto,
  ImportBankFileDto,
  QuizDrawRulesDto,
  RenameQuestionBankDto,
} from './question-bank.dto';
import { BankAdminService } from './bank-admin.service';
import { bankWorkbook } from './bank-export';
import { bankGift } from './bank-gift-export';
import { QuestionBanksService } from './question-banks.service';

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
    private readonly admin: BankAdminService,
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

  @Patch('question-banks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Rename a bank' })
  renameBank(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: RenameQuestionBankDto,
  ): Promise<void> {
    return this.admin.renameBank(u, id, dto.title);
  }

  @Delete('question-banks/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a bank, its categories and unused earlier versions',
    description:
      'Refused while a draw rule (of any course version) names one of its categories or it holds a current question.',
  })
  @ApiConflictResponse({
    description:
      '`question_bank_in_use` (params drawRules, questions); `question_history_kept` (params versions) when attempts drew its earlier versions',
  })
  deleteBank(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.admin.deleteBank(u, id);
  }

  @Get('question-banks/:id/export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/plain')
  @ApiOperation({
    summary: "The bank's current questions as the XLSX import template or Moodle GIFT",
    description:
      '?format=xlsx (default) or gift; both import back unchanged. GIFT leaves out what it cannot ' +
      'express (ordering, short answers with non-default text rules…), each named on a comment line.',
  })
  async export(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: BankExportQueryDto,
  ): Promise<StreamableFile> {
    const bank = await this.banks.get(u, id);
    const names = new Map(bank.categories.map((c) => [c.id, c.name]));
    if (query.format === 'gift') {
      return new StreamableFile(Buffer.from(bankGift(bank.questions, names).text, 'utf8'), {
        type: 'text/plain; charset=utf-8',
        disposition: attachmentDisposition('ngan-hang-cau-hoi.gift.txt'),
      });
    }
    return new StreamableFile(await bankWorkbook(bank.questions, names), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: attachmentDisposition('ngan-hang-cau-hoi.xlsx'),
    });
  }

  @Patch('question-categories/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Rename a category (names are unique in a bank)' })
  renameCategory(
    @CurrentUser() u: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateQuestionCategoryDto,
  ): Promise<void> {
    return this.admin.renameCategory(u, id, dto.name);
  }

  @Delete('question-categories/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a category and its unused earlier versions',
    description: 'Refused while a draw rule names it or it holds a current question.',
  })
  @ApiConflictResponse({
    description:
      '`question_category_in_use` (params drawRules, questions); `question_history_kept` (params versions)',
  })
  deleteCategory(@CurrentUser() u: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.admin.deleteCategory(u, id);
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
