import type { PeopleExportStatus } from '@dx/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import {
  PeopleExportAcceptedDto,
  PeopleExportStatusDto,
  RequestPeopleExportDto,
} from './dto/people-export.dto';
import { PeopleExportsService } from './people-exports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('hr')
@Controller('reports/people/exports')
export class PeopleExportsController {
  constructor(private readonly exports: PeopleExportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Ask the worker for the people list of a subtree as a CSV/XLSX file (hr in scope, sysadmin): the rows of GET /api/reports/people?format=, for subtrees of any size. Audited.',
  })
  @ApiAcceptedResponse({ type: PeopleExportAcceptedDto })
  @ApiBadRequestResponse({ description: 'A year after this one; unknown status, role or format' })
  @ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' })
  request(
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestPeopleExportDto,
  ): Promise<{ jobId: string }> {
    return this.exports.request(user, dto);
  }

  @Get(':jobId')
  @ApiOperation({
    summary: 'State and progress (people written / to write); downloadUrl once made',
  })
  @ApiOkResponse({ type: PeopleExportStatusDto })
  @ApiNotFoundResponse({ description: 'Unknown export, or its unit is outside your scope' })
  status(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<PeopleExportStatus> {
    return this.exports.status(user, jobId);
  }

  @Get(':jobId/file')
  @ApiOperation({ summary: 'The exported file (CSV with BOM, or XLSX)' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse({ description: 'Unknown export, or its unit is outside your scope' })
  @ApiConflictResponse({ description: 'Not made yet, or failed' })
  @ApiGoneResponse({ description: 'Deleted after FILE_JOB_RETENTION_DAYS (code file_expired)' })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<StreamableFile> {
    const file = await this.exports.file(user, jobId);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
