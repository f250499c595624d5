import type { CertificateExportStatus } from '@dx/contracts';
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
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
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

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Ask the worker for the certificates a unit’s subtree issued in a year: a ZIP of the PDFs, or the register (sổ cấp) as XLSX or PDF (trainer/hr in scope, sysadmin)',
  })
  @ApiAcceptedResponse({ type: CertificateExportAcceptedDto })
  @ApiBadRequestResponse({ description: 'Year before 2000 or after the current year; unknown format' })
  @ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' })
  request(
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestCertificateExportDto,
  ): Promise<{ jobId: string }> {
    return this.exports.request(user, dto);
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'State and progress of an export; downloadUrl once completed' })
  @ApiOkResponse({ type: CertificateExportStatusDto })
  @ApiNotFoundResponse({ description: 'Unknown export, or its unit is outside your scope' })
  status(
    @CurrentUser() user: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<CertificateExportStatus> {
    return this.exports.status(user, jobId);
  }

  @Get(':jobId/file')
  @ApiOperation({ summary: 'The exported file (ZIP, XLSX or PDF)' })
  @ApiProduces(
    'application/zip',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse({ description: 'Unknown export, or its unit is outside your scope' })
  @ApiConflictResponse({ description: 'Not made yet, or failed' })
  async file(@CurrentUser() user: AuthUser, @Param('jobId') jobId: string): Promise<StreamableFile> {
    const file = await this.exports.file(user, jobId);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
