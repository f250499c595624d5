import type { CertificateDetails, CertificateRegisterPage, MyCertificate } from '@dx/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { COUNT_LIMIT } from '../http/page-query.dto';
import { uuidParam } from '../http/uuid-param.pipe';
import { CertificateLifecycleService } from './certificate-lifecycle.service';
import { CertificatesService } from './certificates.service';
import {
  CertificateDetailsDto,
  CertificateListItemDto,
  OwnCertificateDto,
} from './dto/certificate-responses.dto';
import { ListCertificatesQuery } from './dto/list-certificates.query';
import { ReissueCertificateDto } from './dto/reissue-certificate.dto';
import { RevokeCertificateDto } from './dto/revoke-certificate.dto';

const AUDIENCE =
  'the holder, hr of the holder’s unit subtree, trainers of the issuing unit’s scope, sysadmin';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly lifecycle: CertificateLifecycleService,
  ) {}

  @Get('me/certificates')
  @ApiOperation({ summary: 'Your certificates, newest first' })
  @ApiOkResponse({ type: [OwnCertificateDto] })
  mine(@CurrentUser() user: AuthUser): Promise<MyCertificate[]> {
    return this.certificates.mine(user);
  }

  @Get('certificates')
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary:
      'Certificates in your scope (trainer: issued by units of your subtree; hr: held by its people)',
  })
  @ApiOkResponse({
    type: [CertificateListItemDto],
    description:
      `Paginated: {items, total, page, pageSize, totalExact}. Past ${COUNT_LIMIT} ` +
      'certificates beyond the page, total is a lower bound and totalExact is false.',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListCertificatesQuery,
  ): Promise<CertificateRegisterPage> {
    return this.certificates.list(user, q);
  }

  @Get('certificates/:id')
  @ApiOperation({ summary: `One certificate with its history (${AUDIENCE})` })
  @ApiOkResponse({ type: CertificateDetailsDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours to see' })
  details(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CertificateDetails> {
    return this.certificates.details(user, id);
  }

  @Get('certificates/:id/pdf')
  @ApiOperation({ summary: `The certificate PDF (${AUDIENCE})` })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment named <serial>.pdf' })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours to see' })
  @ApiConflictResponse({ description: 'Still being issued (or re-rendered after a re-issue)' })
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<StreamableFile> {
    const { serial, stream } = await this.certificates.pdf(user, id);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      disposition: attachmentDisposition(`${serial}.pdf`),
    });
  }

  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke an issued certificate (trainer of the issuing unit’s scope — of its successor once merged — or sysadmin)',
  })
  @ApiOkResponse({ type: CertificateDetailsDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours to see' })
  @ApiForbiddenResponse({ description: 'You see it but may not revoke it' })
  @ApiConflictResponse({ description: 'Still pending, or already revoked' })
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: RevokeCertificateDto,
  ): Promise<CertificateDetails> {
    await this.lifecycle.revoke(user, id, dto);
    return this.certificates.details(user, id);
  }

  @Post('certificates/:id/reissue')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Re-issue under the same serial: a lost copy, or a corrected holder name (same rights as revoke)',
    description:
      'The certificate is signed again over the corrected data and its PDF is rendered again by the worker; ' +
      'until then pdfUrl is null and the PDF answers 409.',
  })
  @ApiOkResponse({ type: CertificateDetailsDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours to see' })
  @ApiForbiddenResponse({ description: 'You see it but may not re-issue it' })
  @ApiConflictResponse({ description: 'Still pending, or revoked' })
  async reissue(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: ReissueCertificateDto,
  ): Promise<CertificateDetails> {
    await this.lifecycle.reissue(user, id, dto);
    return this.certificates.details(user, id);
  }
}
