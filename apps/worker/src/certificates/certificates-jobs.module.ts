import { lockSettings, workerSettingsFromConfig } from '@dx/queues';
import { Module } from '@nestjs/common';
import { CertificateIssuerService } from './certificate-issuer.service';
import { IssueCertificateProcessor } from './issue-certificate.processor';

@Module({
  providers: [
    CertificateIssuerService,
    IssueCertificateProcessor,
    workerSettingsFromConfig(IssueCertificateProcessor, lockSettings),
  ],
  exports: [CertificateIssuerService],
})
export class CertificatesJobsModule {}
