import { NotificationsService } from '@dx/db';
import { Module } from '@nestjs/common';
import { CertificateIssuerService } from './certificate-issuer.service';
import { IssueCertificateProcessor } from './issue-certificate.processor';

@Module({
  providers: [CertificateIssuerService, IssueCertificateProcessor, NotificationsService],
  exports: [CertificateIssuerService],
})
export class CertificatesJobsModule {}
