import { pdfSigningIdentityProvider } from '@dx/certificate-pdf';
import { keyRingProvider } from '@dx/certificates';
import { NotificationsService } from '@dx/db';
import { lockSettings, workerSettingsFromConfig } from '@dx/queues';
import { Module } from '@nestjs/common';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';
import { CertificateExportService } from './certificate-export.service';
import { CertificateIssuerService } from './certificate-issuer.service';
import { IssueCertificateProcessor } from './issue-certificate.processor';
import { PendingCertificatesRequeueService } from './pending-certificates-requeue.service';

@Module({
  providers: [
    keyRingProvider,
    pdfSigningIdentityProvider,
    CertificateIssuerService,
    CertificateExportService,
    FileReadyNotifier,
    PendingCertificatesRequeueService,
    IssueCertificateProcessor,
    workerSettingsFromConfig(IssueCertificateProcessor, lockSettings),
    NotificationsService,
  ],
  exports: [CertificateIssuerService],
})
export class CertificatesJobsModule {}
