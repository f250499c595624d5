import { CertificateSigner } from '@dx/certificate-pdf';
import { APP_CONFIG, AppConfig } from '@dx/config';
import type { Provider } from '@nestjs/common';

/**
 * The Ed25519 signer, built once from `CERT_SIGNING_KEY` (the worker holds the same key):
 * the API re-signs corrected certificates, signs credentials and publishes the public key.
 */
export const certificateSignerProvider: Provider = {
  provide: CertificateSigner,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new CertificateSigner(config.certSigningKeyPem),
};
