import type { PeopleExportStatus } from '@dx/contracts';
import { Body, Controller, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import {
  attachment,
  FileJobFileRoute,
  FileJobStatusRoute,
  StartFileJobRoute,
} from '../file-jobs/file-job-routes';
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

  @StartFileJobRoute({
    summary:
      'Ask the worker for the people list of a subtree as a CSV/XLSX file (hr in scope, sysadmin): the rows of GET /api/reports/people?format=, for subtrees of any size. Audited.',
    accepted: PeopleExportAcceptedDto,
    badRequest: 'A year after this one; unknown status, role or format',
  })
  request(
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestPeopleExportDto,
  ): Promise<{ jobId: string }> {
    return this.exports.request(user, dto);
  }

  @FileJobStatusRoute({
    summary: 'State and progress (people written / to write); downloadUrl once made',
    status: PeopleExportStatusDto,
  })
  status(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<PeopleExportStatus> {
    return this.exports.status(user, jobId);
  }

  @FileJobFileRoute({
    summary: 'The exported file (CSV with BOM, or XLSX)',
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.exports.file(user, jobId));
  }
}
