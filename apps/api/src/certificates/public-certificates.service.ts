import { claimsOf, verifyCertificate } from '@dx/certificate-pdf';
import { KeyRing } from '@dx/certificates';
import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  normalizeSerial,
  type CertificateInvalidReason,
  type PublicCertificateStatus,
  type PublicKeySet,
  type VerifiedPublicCertificate,
} from '@dx/contracts';
import { CertificateEntity, findVerifiableCertificate } from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KeyObject, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SERIAL_PATTERN } from './certificate-views';
import { CredentialSigningService } from './credentials/credential-signing.service';
import { buildOpenBadgeCredential, OpenBadgeCredential } from './credentials/open-badge-credential';

interface Verdict {
  status: PublicCertificateStatus;
  invalidReason?: CertificateInvalidReason;
}

/** "Nguyễn Thị Hường" → "N*** T*** H***": enough to tell a certificate apart, not to harvest. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((part) => `${Array.from(part)[0] ?? ''}***`)
    .join(' ');
}

function codeMatches(given: string | undefined, stored: string | null): boolean {
  if (!given || !stored) return false;
  const a = Buffer.from(given.trim());
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What anyone may learn from a serial, without signing in: the printed facts and whether
 * the certificate stands. The row is checked against its signature, with the key its
 * `kid` names, on every request: data altered in the database, a key the platform lacks
 * and a key compromised before the signature all show as `invalid`, with the reason.
 */
@Injectable()
export class PublicCertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keyRing: KeyRing,
    private readonly credentials: CredentialSigningService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(serial: string, code?: string): Promise<VerifiedPublicCertificate> {
    const { cert, verdict } = await this.find(serial);
    const s = cert.snapshot;
    const shown = codeMatches(code, cert.verifyCode);
    // Built field by field: nothing personal beyond the name may leak by accident.
    return {
      serial: cert.serial as string,
      holderName: shown ? s.holderName : maskName(s.holderName),
      holderNameShown: shown,
      courseTitle: s.title,
      hours: s.hours,
      issuedAt: (cert.issuedAt as Date).toISOString(),
      issuer: s.issuerName,
      kid: cert.kid,
      ...verdict,
    };
  }

  /**
   * Open Badges 3.0 credential, signed now. It names the holder, so it needs the code of
   * the certificate (404 without: the same answer as for a serial that does not exist).
   */
  async credential(serial: string, code?: string): Promise<OpenBadgeCredential> {
    const { cert, verdict } = await this.find(serial);
    if (!codeMatches(code, cert.verifyCode)) throw new NotFoundException('Certificate not found');
    if (verdict.status === 'invalid') {
      // Signing it afresh would launder the alteration.
      throw new ConflictException({
        message: `The certificate does not verify (${verdict.invalidReason})`,
        errors: [],
      });
    }
    const credential = buildOpenBadgeCredential({
      cert,
      publicBaseUrl: this.config.publicBaseUrl,
      issuer: this.credentials.did,
      statusListUrl: this.credentials.statusListUrl,
    });
    return this.credentials.sign(credential);
  }

  async keys(): Promise<PublicKeySet> {
    const keys = await this.keyRing.list();
    return Promise.all(
      keys.map(async (k) => {
        // Every listed key decodes: the ring wrote its multibase itself.
        const publicKey = (await this.keyRing.publicKey(k.kid)) as KeyObject;
        const jwk = publicKey.export({ format: 'jwk' });
        return {
          kid: k.kid,
          publicKeyMultibase: k.publicKeyMultibase,
          jwk: { ...(jwk as Record<string, string>), kid: k.kid, alg: 'EdDSA', use: 'sig' },
          validFrom: k.validFrom.toISOString(),
          validTo: k.validTo ? k.validTo.toISOString() : null,
          revokedAt: k.compromisedFrom ? k.compromisedFrom.toISOString() : null,
        };
      }),
    );
  }

  private async find(raw: string): Promise<{ cert: CertificateEntity; verdict: Verdict }> {
    const serial = normalizeSerial(raw);
    // A malformed serial is simply not a certificate: 404, and no query.
    const cert = SERIAL_PATTERN.test(serial)
      ? await findVerifiableCertificate(this.db.manager, serial)
      : null;
    if (!cert || !cert.issuedAt) throw new NotFoundException('Certificate not found');
    return { cert, verdict: await this.verdictOf(cert) };
  }

  private async verdictOf(cert: CertificateEntity): Promise<Verdict> {
    const invalid = (invalidReason: CertificateInvalidReason): Verdict => ({
      status: 'invalid',
      invalidReason,
    });
    if (cert.signature === null || cert.registerNumber === null)
      return invalid('signature_mismatch');
    // The hours column feeds reports; it must say what the signed snapshot says.
    if (Number(cert.hours) !== Number(cert.snapshot.hours)) return invalid('signature_mismatch');
    const claims = claimsOf({
      ...cert,
      serial: cert.serial as string,
      registerNumber: cert.registerNumber,
    });
    // Signed before the key ring recorded kids: any key of the ring may have signed it.
    const kids = cert.kid ? [cert.kid] : (await this.keyRing.list()).map((k) => k.kid);
    let known = false;
    for (const kid of kids) {
      const publicKey = await this.keyRing.publicKey(kid);
      if (!publicKey) continue;
      known = true;
      if (!verifyCertificate(publicKey, claims, cert.signature)) continue;
      const key = await this.keyRing.find(kid);
      if (key?.compromisedFrom && (cert.issuedAt as Date) >= key.compromisedFrom) {
        return invalid('key_compromised');
      }
      return { status: cert.status === 'revoked' ? 'revoked' : 'valid' };
    }
    return invalid(known ? 'signature_mismatch' : 'unknown_key');
  }
}
