import type { CertificateExportStatus } from '@dx/contracts';
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
import { CertificateExportsService } from './certificate-exports.service';
import {
  CertificateExportAcceptedDto,
  CertificateExportStatusDto,
} from './dto/certificate-responses.dto';
import { RequestCertificateExportDto } from './dto/request-certificate-export.dto';

@ApiTags('certificates')
@ApiBearerAuth()
@Roles('trainer', 'hr')
@Controller('certificates/exports')
export class CertificateExportsController {
  constructor(private readonly exports: CertificateExportsService) {}

  @StartFileJobRoute({
    summary:
      'Ask the worker for the certificates a unit’s subtree issued in a year: a ZIP of the PDFs, or the register (sổ cấp) as XLSX or PDF (trainer/hr in scope, sysadmin)',
    accepted: CertificateExportAcceptedDto,
    badRequest: 'Year before 2000 or after the current year; unknown format',
  })
  request(
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestCertificateExportDto,
  ): Promise<{ jobId: string }> {
    return this.exports.request(user, dto);
  }

  @FileJobStatusRoute({
    summary: 'State and progress of an export; downloadUrl once completed',
    status: CertificateExportStatusDto,
  })
  status(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<CertificateExportStatus> {
    return this.exports.status(user, jobId);
  }

  @FileJobFileRoute({
    summary: 'The exported file (ZIP, XLSX or PDF)',
    produces: [
      'application/zip',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/pdf',
    ],
  })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.exports.file(user, jobId));
  }
}
