import { CertificateSigner, claimsOf } from '@dx/certificate-pdf';
import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  normalizeSerial,
  type PublicCertificateStatus,
  type PublicKeySet,
  type VerifiedPublicCertificate,
} from '@dx/contracts';
import { CertificateEntity } from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPrivateKey, KeyObject } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { SERIAL_PATTERN } from './certificate-views';
import { buildOpenBadgeCredential, OpenBadgeCredential, withProof } from './open-badge-credential';

/**
 * What anyone may learn from a serial, without signing in: the printed facts and whether
 * the certificate stands. The row is checked against its signature on every request, so
 * data altered in the database shows as `invalid` instead of being vouched for.
 */
@Injectable()
export class PublicCertificatesService {
  private readonly privateKey: KeyObject;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: CertificateSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.privateKey = createPrivateKey(config.certSigningKeyPem);
  }

  async verify(serial: string): Promise<VerifiedPublicCertificate> {
    const { cert, status } = await this.find(serial);
    const s = cert.snapshot;
    // Built field by field: nothing personal beyond the name may leak by accident.
    return {
      serial: cert.serial as string,
      holderName: s.holderName,
      courseTitle: s.title,
      hours: s.hours,
      issuedAt: (cert.issuedAt as Date).toISOString(),
      issuer: s.issuerName,
      status,
    };
  }

  /** Open Badges 3.0 credential, signed now; refused for data that fails its signature. */
  async credential(serial: string): Promise<OpenBadgeCredential> {
    const { cert, status } = await this.find(serial);
    if (status === 'invalid') {
      // Signing it afresh would launder the alteration.
      throw new ConflictException({
        message: 'The certificate data does not match its signature',
        errors: [],
      });
    }
    const credential = buildOpenBadgeCredential({
      cert,
      revoked: status === 'revoked',
      publicBaseUrl: this.config.publicBaseUrl,
    });
    return withProof(credential, {
      privateKey: this.privateKey,
      kid: this.signer.publicJwk().kid,
      publicBaseUrl: this.config.publicBaseUrl,
      created: new Date(),
    });
  }

  keys(): PublicKeySet {
    return { keys: [this.signer.publicJwk()] };
  }

  private async find(
    serial: string,
  ): Promise<{ cert: CertificateEntity; status: PublicCertificateStatus }> {
    // Typed by hand or pasted: any case, stray spaces. A malformed serial is simply not a
    // certificate: 404, and no query.
    serial = normalizeSerial(serial);
    const cert = SERIAL_PATTERN.test(serial)
      ? await this.db
          .getRepository(CertificateEntity)
          .findOneBy({ serial, status: In(['issued', 'revoked']) })
      : null;
    if (!cert || !cert.issuedAt) throw new NotFoundException('Certificate not found');
    return { cert, status: this.statusOf(cert) };
  }

  private statusOf(cert: CertificateEntity): PublicCertificateStatus {
    const intact =
      cert.signature !== null &&
      cert.registerNumber !== null &&
      // The hours column feeds reports; it must say what the signed snapshot says.
      Number(cert.hours) === Number(cert.snapshot.hours) &&
      this.signer.verify(
        claimsOf({ ...cert, serial: cert.serial as string, registerNumber: cert.registerNumber }),
        cert.signature,
      );
    if (!intact) return 'invalid';
    return cert.status === 'revoked' ? 'revoked' : 'valid';
  }
}
