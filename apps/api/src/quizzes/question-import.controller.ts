import type { QuestionImportResult } from '@dx/contracts';
import { Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { ImportFileInterceptor } from '../users/import/import-file.interceptor';
import type { ImportUpload } from '../users/import/user-sheet.reader';
import { QuestionImportService } from './question-import.service';
import { ImportQuestionsFileDto } from './dto/import-questions-file.dto';

@ApiTags('courses')
@ApiBearerAuth()
@Roles('trainer')
@Controller('quizzes/:id/questions/import')
export class QuestionImportController {
  constructor(private readonly importer: QuestionImportService) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportQuestionsFileDto })
  @ApiOperation({
    summary: "Add questions to a quiz's draft from an XLSX template or GIFT file",
    description:
      'All or nothing: any bad row → 400 with every error as rows.<row>.<column>. A row whose ' +
      'externalId the quiz already has updates that question; the same file twice changes nothing.',
  })
  import(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) quizId: string,
    @UploadedFile() file: ImportUpload | undefined,
  ): Promise<QuestionImportResult> {
    return this.importer.import(user, quizId, file);
  }
}
