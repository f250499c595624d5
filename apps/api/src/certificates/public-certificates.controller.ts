import type { PublicKeySet, VerifiedPublicCertificate } from '@dx/contracts';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { RateLimit } from '../http/throttling/rate-limit.guard';
import { CredentialSigningService } from './credentials/credential-signing.service';
import type { OpenBadgeCredential } from './credentials/open-badge-credential';
import { PublicCertificateDto, PublicSigningKeyDto } from './dto/certificate-responses.dto';
import { PublicCertificateQuery } from './dto/public-certificate.query';
import { PublicCertificatesService } from './public-certificates.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

const SERIAL_PARAM = {
  name: 'serial',
  example: 'CDS-2026-000123',
  description: 'Format CDS-YYYY-NNNNNN (any case; spaces are ignored)',
};

/**
 * No sign-in: employers, citizens and wallets check a certificate from its serial or QR
 * code. Open to any origin (CORS) and limited per client address (429).
 */
@ApiTags('public')
@Public()
@RateLimit('publicLookup', PublicRateLimitGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
@Controller('public')
export class PublicCertificatesController {
  constructor(
    private readonly certificates: PublicCertificatesService,
    private readonly credentials: CredentialSigningService,
  ) {}

  @Get('certificates/:serial')
  // A revocation must show at once: no cache may keep an earlier "valid".
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Verify a certificate by its serial',
    description:
      'Answers the printed facts and a status: valid, revoked, or invalid (with invalidReason) when the stored ' +
      'data no longer matches its signature, its key is unknown, or its key was compromised before it was ' +
      'signed. Without the ?c= code of the QR code the holder name is masked.',
  })
  @ApiParam(SERIAL_PARAM)
  @ApiOkResponse({ type: PublicCertificateDto })
  @ApiNotFoundResponse({ description: 'Unknown serial, malformed serial, or not issued yet' })
  verify(
    @Param('serial') serial: string,
    @Query() q: PublicCertificateQuery,
  ): Promise<VerifiedPublicCertificate> {
    return this.certificates.verify(serial, q.c);
  }

  @Get('certificates/:serial/credential')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The certificate as an Open Badges 3.0 AchievementCredential (W3C VC 2.0)',
    description:
      'Data Integrity proof (eddsa-jcs-2022) by a key of the issuer DID document (GET /api/public/did.json, ' +
      'did:web); revocation by a BitstringStatusListEntry pointing at GET /api/public/status/revocation. ' +
      'Needs the ?c= code.',
  })
  @ApiParam(SERIAL_PARAM)
  @ApiOkResponse({ description: 'application/json: the signed credential' })
  @ApiNotFoundResponse({
    description: 'Unknown serial, not issued yet, or a missing or wrong code',
  })
  @ApiConflictResponse({
    description: 'The certificate does not verify (altered, or key compromised)',
  })
  credential(
    @Param('serial') serial: string,
    @Query() q: PublicCertificateQuery,
  ): Promise<OpenBadgeCredential> {
    return this.certificates.credential(serial, q.c);
  }

  @Get('keys')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Every key that ever signed certificates, with validity dates' })
  @ApiOkResponse({ type: PublicSigningKeyDto, isArray: true })
  keys(): Promise<PublicKeySet> {
    return this.certificates.keys();
  }

  @Get('did.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The issuer DID document (did:web): the keys that sign credentials, as Multikey',
  })
  @ApiOkResponse({ description: 'application/json: a DID document' })
  didDocument(): Promise<Record<string, unknown>> {
    return this.credentials.didDocument();
  }

  @Get('status/revocation')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The signed BitstringStatusListCredential of revoked certificates',
  })
  @ApiOkResponse({ description: 'application/json: a signed BitstringStatusListCredential' })
  revocationList(): Promise<OpenBadgeCredential> {
    return this.credentials.revocationList();
  }
}
