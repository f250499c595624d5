import { keyRingProvider, pdfSigningIdentityProvider } from '@dx/certificate-pdf';
import { Module } from '@nestjs/common';
import { CertificateIssuerService } from './certificate-issuer.service';
import { IssueCertificateProcessor } from './issue-certificate.processor';

@Module({
  providers: [keyRingProvider, pdfSigningIdentityProvider, CertificateIssuerService, IssueCertificateProcessor],
  exports: [CertificateIssuerService],
})
export class CertificatesJobsModule {}
