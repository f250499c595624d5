import type { CertificateIssuerSettings } from '@dx/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CertificateIssuersService } from './certificate-issuers.service';
import { CertificateIssuerSettingsDto } from './dto/certificate-responses.dto';
import { SealImageFileDto, UpdateCertificateIssuerDto } from './dto/update-certificate-issuer.dto';
import { SealFileInterceptor } from './seal-file.interceptor';

@ApiTags('certificates')
@ApiBearerAuth()
@Roles('sysadmin')
@Controller('certificates/issuers')
export class CertificateIssuersController {
  constructor(private readonly issuers: CertificateIssuersService) {}

  @Get(':orgUnitId')
  @ApiOperation({
    summary: 'How a unit signs its certificates (sysadmin); defaults when never set',
  })
  @ApiOkResponse({ type: CertificateIssuerSettingsDto })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
  ): Promise<CertificateIssuerSettings> {
    return this.issuers.get(user, orgUnitId);
  }

  @Put(':orgUnitId')
  @ApiOperation({
    summary:
      'Set the issuing body, its parent body, signer title and name, and place (sysadmin); used by new certificates',
  })
  @ApiOkResponse({ type: CertificateIssuerSettingsDto })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
    @Body() dto: UpdateCertificateIssuerDto,
  ): Promise<CertificateIssuerSettings> {
    return this.issuers.update(user, orgUnitId, dto);
  }

  @Put(':orgUnitId/seal')
  @UseInterceptors(SealFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SealImageFileDto })
  @ApiOperation({ summary: 'Upload the seal / signature image, PNG or JPEG up to 1 MB (sysadmin)' })
  @ApiOkResponse({ type: CertificateIssuerSettingsDto })
  @ApiBadRequestResponse({ description: 'Not a PNG or JPEG image, or too large' })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  putSeal(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<CertificateIssuerSettings> {
    return this.issuers.putSeal(user, orgUnitId, file?.buffer ?? Buffer.alloc(0));
  }

  @Delete(':orgUnitId/seal')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the seal / signature image (sysadmin)' })
  @ApiNoContentResponse({ description: 'Removed, or there was none' })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  deleteSeal(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
  ): Promise<void> {
    return this.issuers.deleteSeal(user, orgUnitId);
  }
}
