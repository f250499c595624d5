import type { PublicKeySet, VerifiedPublicCertificate } from '@dx/contracts';
import { Controller, Get, Header, Param } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { PublicCertificateDto, PublicKeySetDto } from './dto/certificate-responses.dto';
import type { OpenBadgeCredential } from './open-badge-credential';
import { PublicCertificatesService } from './public-certificates.service';

const SERIAL_PARAM = {
  name: 'serial',
  example: 'CDS-2026-000123',
  description: 'Format CDS-YYYY-NNNNNN',
};

/** No sign-in: employers and citizens check a certificate from its serial or QR code. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicCertificatesController {
  constructor(private readonly certificates: PublicCertificatesService) {}

  @Get('certificates/:serial')
  // A revocation must show at once: no cache may keep an earlier "valid".
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Verify a certificate by its serial',
    description:
      'Answers the printed facts and a status: valid, revoked, or invalid when the stored data no longer ' +
      'matches the signature made at issue (invalid extends the contract’s valid|revoked).',
  })
  @ApiParam(SERIAL_PARAM)
  @ApiOkResponse({ type: PublicCertificateDto })
  @ApiNotFoundResponse({ description: 'Unknown serial, malformed serial, or not issued yet' })
  verify(@Param('serial') serial: string): Promise<VerifiedPublicCertificate> {
    return this.certificates.verify(serial);
  }

  @Get('certificates/:serial/credential')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The certificate as an Open Badges 3.0 Verifiable Credential',
    description:
      'proof: DataIntegrityProof, cryptosuite eddsa-jcs-2022, proofValue = base64url Ed25519 signature over the ' +
      'canonical JSON (keys sorted, no whitespace) of the credential without "proof"; verify it with the JWK ' +
      'of GET /api/public/keys named by verificationMethod. credentialStatus.revoked tells a revocation.',
  })
  @ApiParam(SERIAL_PARAM)
  @ApiOkResponse({ description: 'application/json: the signed credential' })
  @ApiNotFoundResponse({ description: 'Unknown serial, malformed serial, or not issued yet' })
  @ApiConflictResponse({ description: 'The stored data does not match its signature (altered)' })
  credential(@Param('serial') serial: string): Promise<OpenBadgeCredential> {
    return this.certificates.credential(serial);
  }

  @Get('keys')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Public keys (JWK, Ed25519) that certificates and credentials are signed with',
  })
  @ApiOkResponse({ type: PublicKeySetDto })
  keys(): PublicKeySet {
    return this.certificates.keys();
  }
}
