import { keyRingProvider } from '@dx/certificates';
import { StorageModule } from '@dx/storage';
import { Module } from '@nestjs/common';
import { FileJobsModule } from '../file-jobs/file-jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { TrainingLedgerModule } from '../training/training-ledger.module';
import { CertificateAccessService } from './certificate-access.service';
import { CertificateExportsController } from './certificate-exports.controller';
import { CertificateExportsService } from './certificate-exports.service';
import { CertificateIssuersController } from './certificate-issuers.controller';
import { CertificateIssuersService } from './certificate-issuers.service';
import { CertificateLifecycleService } from './certificate-lifecycle.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { PublicCertificatesController } from './public-certificates.controller';
import { PublicCertificatesService } from './public-certificates.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { SigningKeysController } from './signing-keys.controller';
import { SigningKeysService } from './signing-keys.service';
import { CredentialSigningService } from './credentials/credential-signing.service';

/**
 * Certificates after completion: the holder's list and PDF, the scoped register,
 * revocation and re-issue, and public verification (page data, Open Badges credential,
 * signing keys). Issuing and rendering happen in the worker, never in a request.
 */
@Module({
  imports: [
    StorageModule,
    OrgUnitsModule,
    FileJobsModule,
    TrainingLedgerModule,
    NotificationsModule,
  ],
  controllers: [
    CertificateExportsController,
    CertificateIssuersController,
    CertificatesController,
    PublicCertificatesController,
    SigningKeysController,
  ],
  providers: [
    keyRingProvider,
    CertificateAccessService,
    CertificatesService,
    CertificateExportsService,
    CertificateIssuersService,
    CertificateLifecycleService,
    PublicCertificatesService,
    CredentialSigningService,
    SigningKeysService,
    PublicRateLimitGuard,
  ],
})
export class CertificatesModule {}
