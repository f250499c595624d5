import { pdfSigningIdentityProvider } from '@dx/certificate-pdf';
import { keyRingProvider } from '@dx/certificates';
import { lockSettings, workerSettingsFromConfig } from '@dx/queues';
import { Module } from '@nestjs/common';
import { CertificateIssuerService } from './certificate-issuer.service';
import { IssueCertificateProcessor } from './issue-certificate.processor';

@Module({
  providers: [
    keyRingProvider,
    pdfSigningIdentityProvider,
    CertificateIssuerService,
    IssueCertificateProcessor,
    workerSettingsFromConfig(IssueCertificateProcessor, lockSettings),
  ],
  exports: [CertificateIssuerService],
})
export class CertificatesJobsModule {}
