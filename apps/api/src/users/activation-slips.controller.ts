import type { ActivationSlipsStatus } from '@dx/contracts';
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
import { ActivationSlipsService } from './activation-slips.service';
import {
  ActivationSlipsAcceptedDto,
  ActivationSlipsStatusDto,
  RequestActivationSlipsDto,
} from './dto/activation-slips.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('hr')
@Controller('activation-slips')
export class ActivationSlipsController {
  constructor(private readonly slips: ActivationSlipsService) {}

  @StartFileJobRoute({
    summary:
      'Print activation slips for a unit (hr in scope, sysadmin): the worker issues a new code for every active person of the subtree without a password (never a sysadmin) and makes a PDF of slips to cut and an XLSX list',
    description: 'Earlier open codes of those people stop working. Audited.',
    accepted: ActivationSlipsAcceptedDto,
  })
  request(
    @CurrentUser() caller: AuthUser,
    @Body() dto: RequestActivationSlipsDto,
  ): Promise<{ jobId: string }> {
    return this.slips.request(caller, dto.orgUnitId);
  }

  @FileJobStatusRoute({
    summary: 'State and progress of a unit’s activation slips; file paths once made',
    status: ActivationSlipsStatusDto,
  })
  status(
    @CurrentUser() caller: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<ActivationSlipsStatus> {
    return this.slips.status(caller, jobId);
  }

  // One job, two files: the same codes to print and cut, and as a list.
  @FileJobFileRoute({
    path: 'pdf',
    summary: 'The slips to print and cut, as PDF (they hold live codes)',
    produces: ['application/pdf'],
  })
  async pdf(
    @CurrentUser() caller: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.slips.file(caller, jobId, 'pdf'));
  }

  @FileJobFileRoute({
    path: 'xlsx',
    summary: 'The same codes as an XLSX list (they hold live codes)',
    produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  })
  async xlsx(
    @CurrentUser() caller: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.slips.file(caller, jobId, 'xlsx'));
  }
}
