import type { CoverageJobStatus, CoverageReport, CoverageReportSummary } from '@dx/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CoverageExportQuery } from './dto/coverage-export.query';
import { CoverageListQueryDto } from './dto/coverage-list.query';
import {
  CoverageJobAcceptedDto,
  CoverageJobStatusDto,
  CoverageReportDto,
  CoverageReportSummaryDto,
} from './dto/coverage-report-responses.dto';
import { RequestCoverageReportDto } from './dto/request-coverage-report.dto';
import { CoverageReportsService } from './coverage-reports.service';
import { CoverageRequestsService } from './coverage-requests.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('hr')
@Controller('reports/coverage')
export class CoverageReportsController {
  constructor(
    private readonly requests: CoverageRequestsService,
    private readonly reports: CoverageReportsService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Ask the worker for a yearly training-coverage report of a unit in your scope (hr, sysadmin); the job is queued with the request (outbox), so Redis being away only delays it',
  })
  @ApiAcceptedResponse({ type: CoverageJobAcceptedDto })
  @ApiBadRequestResponse({
    description: 'Year outside 2000..current year, or the unit did not exist on 31 December',
  })
  @ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' })
  request(
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestCoverageReportDto,
  ): Promise<{ jobId: string }> {
    return this.requests.request(user, dto);
  }

  @Get()
  @ApiOperation({
    summary:
      'Stored reports you may read, newest first: your own requests and the official yearly ones (HR reads the rows of its subtree)',
  })
  @ApiOkResponse({ type: [CoverageReportSummaryDto] })
  @ApiBadRequestResponse({ description: 'Malformed orgUnitId or year' })
  @ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: CoverageListQueryDto,
  ): Promise<CoverageReportSummary[]> {
    return this.reports.list(user, q);
  }

  @Get('jobs/:jobId')
  @ApiOperation({
    summary: 'State and progress of a report job (its requester, hr/sysadmin in scope)',
  })
  @ApiOkResponse({ type: CoverageJobStatusDto })
  @ApiNotFoundResponse({ description: 'Unknown job, or not yours to see' })
  status(@CurrentUser() user: AuthUser, @Param('jobId') jobId: string): Promise<CoverageJobStatus> {
    return this.requests.status(user, jobId);
  }

  @Get(':reportId')
  @ApiOperation({
    summary:
      'A completed report: one row per unit of the subtree as it stood on 31 December (HR below an official report: the rows of its subtree)',
  })
  @ApiOkResponse({ type: CoverageReportDto })
  @ApiNotFoundResponse({ description: 'Unknown report, or its unit is outside your scope' })
  @ApiConflictResponse({ description: 'Still being computed, or failed' })
  report(
    @CurrentUser() user: AuthUser,
    @Param('reportId', uuidParam('reportId')) id: string,
  ): Promise<CoverageReport> {
    return this.reports.report(user, id);
  }

  @Get(':reportId/export')
  @ApiOperation({
    summary: 'The report as CSV (UTF-8 with BOM), XLSX or PDF, rendered by the worker',
  })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ description: 'The file, as an attachment with a Vietnamese file name' })
  @ApiNotFoundResponse({ description: 'Unknown report, or its unit is outside your scope' })
  @ApiConflictResponse({ description: 'Still being computed or rendered, or failed' })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('reportId', uuidParam('reportId')) id: string,
    @Query() q: CoverageExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.reports.exportFile(user, id, q.format, q.separator);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: attachmentDisposition(file.fileName, file.asciiFileName),
    });
  }
}
