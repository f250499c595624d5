import { Module } from '@nestjs/common';
import { CertificateRequestsService } from './certificate-requests.service';

/**
 * Lends the one certificate creator to the features that decide a certificate is earned
 * (learning, curricula, the demo seed) without importing the certificates' controllers.
 */
@Module({ providers: [CertificateRequestsService], exports: [CertificateRequestsService] })
export class CertificateRequestsModule {}
