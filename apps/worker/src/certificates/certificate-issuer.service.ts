import {
  CertificateIssuerBlock,
  claimsOf,
  PdfSigningIdentity,
  renderCertificatePdf,
  signPdf,
} from '@dx/certificate-pdf';
import { KeyRing } from '@dx/certificates';
import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import {
  CertificateEntity,
  CertificateIssuerEntity,
  certificateIssuedNotification,
  lockCertificateForIssue,
  NotificationsService,
} from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formatSerial, nextNumbers } from './certificate-numbering';

export type IssueOutcome = 'issued' | 'already-issued' | 'revoked' | 'missing';

/**
 * Issues a requested certificate. Two idempotent steps, so a job that runs twice, or is
 * retried after the worker died at any point, ends with one certificate and one PDF:
 *  1. pending → issued: serial and register numbers, signature (one transaction);
 *  2. the PDF: rendered and stored when the certificate has none yet.
 */
@Injectable()
export class CertificateIssuerService {
  private readonly logger = new Logger(CertificateIssuerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keyRing: KeyRing,
    private readonly pdfIdentity: PdfSigningIdentity,
    private readonly notifications: NotificationsService,
  ) {}

  async issue(certificateId: string): Promise<IssueOutcome> {
    const { cert, outcome } = await this.allocate(certificateId);
    if (!cert || cert.status === 'revoked') return outcome;
    if (!cert.pdfKey) await this.renderPdf(cert);
    // Told once the PDF can be downloaded; the event key keeps a repeated job to one notice.
    // notify is one statement (inbox row, mail, its outbox row), atomic on its own: no
    // transaction around it, which would only add two round trips per certificate.
    if (cert.userId) {
      await this.notifications.notify(
        this.db.manager,
        cert.userId,
        certificateIssuedNotification(cert),
      );
    }
    return outcome;
  }

  private async allocate(
    id: string,
  ): Promise<{ cert: CertificateEntity | null; outcome: IssueOutcome }> {
    return this.db.transaction(async (tx) => {
      const cert = await lockCertificateForIssue(tx, id);
      if (!cert) return { cert: null, outcome: 'missing' as const };
      if (cert.status === 'revoked') return { cert, outcome: 'revoked' as const };
      if (cert.status === 'issued') return { cert, outcome: 'already-issued' as const };

      const issuedAt = new Date();
      const issuedOn = calendarDate(this.config.reportsTimeZone, issuedAt);
      const year = Number(issuedOn.slice(0, 4));
      // The key before the counters: the national serial's row stays locked until the
      // commit, so every round trip after taking it holds up every other issuer.
      const key = await this.keyRing.active(tx);
      // One statement for the three counters, the national serial's row first (see nextNumbers).
      const [serial, registerNumber, statusListPosition] = await nextNumbers(tx, [
        { scope: 'serial', year },
        { scope: `register:${cert.issuerOrgUnitId}`, year },
        // One national revocation list; its positions are handed out like serials.
        { scope: 'status-list', year: 0 },
      ]);
      cert.serial = formatSerial(year, serial);
      cert.registerNumber = registerNumber;
      cert.snapshot = { ...cert.snapshot, issuedOn };
      cert.kid = key.kid;
      cert.signature = key.signer.sign(
        claimsOf({ ...cert, serial: cert.serial, registerNumber: cert.registerNumber }),
      );
      // 128 random bits: the serial is guessable, this code is not.
      cert.verifyCode = randomBytes(16).toString('base64url');
      cert.statusListIndex = statusListPosition - 1;
      cert.issuedAt = issuedAt;
      cert.status = 'issued';
      // The certificate and its 'issued' event in one statement: one round trip fewer while
      // the serial row is locked.
      await tx.query(
        `WITH issued AS (
           UPDATE certificate
              SET serial = $2, register_number = $3, snapshot = $4::jsonb, signature = $5,
                  kid = $6, verify_code = $7, status_list_index = $8, issued_at = $9,
                  status = 'issued'
            WHERE id = $1
           RETURNING id)
         INSERT INTO certificate_event (certificate_id, type, data)
         SELECT id, 'issued', jsonb_build_object('serial', $2::varchar) FROM issued`,
        [
          id,
          cert.serial,
          cert.registerNumber,
          JSON.stringify(cert.snapshot),
          cert.signature,
          cert.kid,
          cert.verifyCode,
          cert.statusListIndex,
          issuedAt,
        ],
      );
      return { cert, outcome: 'issued' as const };
    });
  }

  /**
   * The agency and signature blocks from the issuing unit's settings (set by a sysadmin);
   * without settings, the unit as named on the certificate and room to sign. A seal image
   * that is gone from storage leaves the room empty rather than failing the certificate.
   */
  private async issuerBlock(cert: CertificateEntity): Promise<CertificateIssuerBlock> {
    const settings = await this.db
      .getRepository(CertificateIssuerEntity)
      .findOneBy({ orgUnitId: cert.issuerOrgUnitId });
    if (!settings) {
      return {
        bodyName: cert.snapshot.issuerName,
        parentBodyName: null,
        signerTitle: 'Thủ trưởng đơn vị',
        signerName: '',
        place: 'Hà Nội',
        sealImage: null,
      };
    }
    let sealImage: Buffer | null = null;
    if (settings.sealImageKey) {
      sealImage = await this.storage.get(settings.sealImageKey).catch((err: Error) => {
        this.logger.warn(`Seal image of unit ${cert.issuerOrgUnitId} unreadable (${err.message}): printed without it`);
        return null;
      });
    }
    return {
      bodyName: settings.bodyName,
      parentBodyName: settings.parentBodyName,
      signerTitle: settings.signerTitle,
      signerName: settings.signerName,
      place: settings.place,
      sealImage,
    };
  }

  /** Renders (again) the PDF of an issued certificate and records where it is stored. */
  async renderPdf(cert: CertificateEntity): Promise<string> {
    if (!cert.serial || cert.registerNumber === null || !cert.signature) {
      throw new Error(`Certificate ${cert.id} is not issued`);
    }
    const claims = claimsOf({ ...cert, serial: cert.serial, registerNumber: cert.registerNumber });
    const data = {
      ...claims,
      year: Number(claims.issuedOn.slice(0, 4)),
      verifyUrl: `${this.config.publicBaseUrl}/verify/${cert.serial}?c=${cert.verifyCode ?? ''}`,
    };
    const issuer = await this.issuerBlock(cert);
    const page = await renderCertificatePdf({ ...data, issuer }).catch(async (err: Error) => {
      // An image pdfkit cannot draw (checked as PNG/JPEG at upload, damaged since) must not
      // stop certificates: the same page without it.
      if (!issuer.sealImage) throw err;
      this.logger.warn(`Seal image of unit ${cert.issuerOrgUnitId} not drawable (${err.message}): printed without it`);
      return renderCertificatePdf({ ...data, issuer: { ...issuer, sealImage: null } });
    });
    // The PDF itself carries the platform's digital signature (PAdES), which any PDF reader
    // checks; the Ed25519 signature over the claims stays in the database and the credential.
    const pdf = await signPdf(page, this.pdfIdentity, {
      reason: `Cấp ${cert.kind === 'course' ? 'giấy chứng nhận' : 'chứng chỉ'} số hiệu ${cert.serial}`,
      location: 'Việt Nam',
      contactInfo: `${this.config.publicBaseUrl}/verify/${cert.serial}`,
    });
    const key = `certificates/${claims.issuedOn.slice(0, 4)}/${cert.serial}.pdf`;
    await this.storage.put(key, pdf);
    // Only if the certificate still says what was rendered: a re-issue (name correction)
    // that happened meanwhile re-signs it, and its own job renders the new text.
    await this.db
      .getRepository(CertificateEntity)
      .update({ id: cert.id, signature: cert.signature }, { pdfKey: key });
    return key;
  }
}
