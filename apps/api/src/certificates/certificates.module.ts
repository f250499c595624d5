import { StorageModule } from '@dx/storage';
import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { TrainingLedgerModule } from '../training/training-ledger.module';
import { CertificateAccessService } from './certificate-access.service';
import { CertificateLifecycleService } from './certificate-lifecycle.service';
import { certificateSignerProvider } from './certificate-signer.provider';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { PublicCertificatesController } from './public-certificates.controller';
import { PublicCertificatesService } from './public-certificates.service';

/**
 * Certificates after completion: the holder's list and PDF, the scoped register,
 * revocation and re-issue, and public verification (page data, Open Badges credential,
 * signing keys). Issuing and rendering happen in the worker, never in a request.
 */
@Module({
  imports: [StorageModule, OrgUnitsModule, TrainingLedgerModule],
  controllers: [CertificatesController, PublicCertificatesController],
  providers: [
    certificateSignerProvider,
    CertificateAccessService,
    CertificatesService,
    CertificateLifecycleService,
    PublicCertificatesService,
  ],
})
export class CertificatesModule {}
