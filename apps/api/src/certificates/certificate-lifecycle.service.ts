import { claimsOf } from '@dx/certificate-pdf';
import { KeyRing } from '@dx/certificates';
import { certificateJobId, JobName, QueueName } from '@dx/contracts';
import {
  CertificateEntity,
  CertificateEventEntity,
  certificateReissuedNotification,
  certificateRevokedNotification,
  enqueueJob,
  NotificationsService,
} from '@dx/db';
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { TrainingLedgerService } from '../training/training-ledger.service';
import { CertificateAccessService } from './certificate-access.service';
import { stillIssuing } from './certificates.service';
import { ReissueCertificateDto } from './dto/reissue-certificate.dto';
import { RevokeCertificateDto } from './dto/revoke-certificate.dto';
import { invalidField } from '../http/invalid-input';

/**
 * Revocation and re-issue of an issued certificate. Each runs in one transaction holding
 * the certificate's row lock, so it never interleaves with the worker issuing or
 * re-rendering it, nor with another revocation or re-issue.
 */
@Injectable()
export class CertificateLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CertificateAccessService,
    private readonly keyRing: KeyRing,
    private readonly ledger: TrainingLedgerService,
    private readonly notifications: NotificationsService,
  ) {}

  async revoke(user: AuthUser, id: string, dto: RevokeCertificateDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cert = await this.lockIssued(tx, user, id, 'revoke');
      const note = dto.note?.trim() || null;
      await tx.update(
        CertificateEntity,
        { id },
        { status: 'revoked', revokedAt: new Date(), revokedReason: dto.reason, revokedNote: note },
      );
      // A revoked course certificate no longer counts toward its year's hours.
      if (cert.kind === 'course' && cert.userId) {
        const year = cert.year ?? this.ledger.yearOf(cert.completedAt);
        await this.ledger.apply(tx, cert.userId, year, { hours: -cert.hours, courses: -1 });
      }
      await tx.insert(CertificateEventEntity, {
        certificateId: id,
        type: 'revoked',
        actorId: user.id,
        note,
        data: { reason: dto.reason },
      });
      if (cert.userId) {
        await this.notifications.notify(tx, cert.userId, certificateRevokedNotification(cert));
      }
      await recordAudit(tx, {
        action: 'certificate.revoked',
        targetType: 'certificate',
        targetId: id,
        orgUnitId: cert.issuerOrgUnitId,
        details: { serial: cert.serial, reason: dto.reason },
      });
    });
  }

  /**
   * Same serial and register number, new signature over the corrected claims; the PDF key
   * is cleared and an outbox row asks the worker to render the new copy (its issue job
   * renders an issued certificate that has no PDF).
   */
  async reissue(user: AuthUser, id: string, dto: ReissueCertificateDto): Promise<void> {
    if (dto.reason !== 'name_correction' && dto.holderName !== undefined) {
      throw invalidField(
        'holderName',
        'holderName is only given for a name_correction',
        'holder_name_not_allowed',
      );
    }
    await this.db.transaction(async (tx) => {
      const cert = await this.lockIssued(tx, user, id, 're-issue');
      const oldName = cert.snapshot.holderName;
      const newName = dto.holderName ?? oldName;
      if (dto.reason === 'name_correction' && newName === oldName) {
        throw invalidField(
          'holderName',
          'is the name already on the certificate',
          'holder_name_unchanged',
        );
      }
      const snapshot = { ...cert.snapshot, holderName: newName };
      // Signed again with the key that signs today (a rotation may have retired the old one).
      const key = await this.keyRing.active(tx);
      const signature = key.signer.sign(
        claimsOf({
          ...cert,
          serial: cert.serial as string,
          registerNumber: cert.registerNumber as number,
          snapshot,
        }),
      );
      await tx.update(
        CertificateEntity,
        { id },
        { snapshot, signature, kid: key.kid, pdfKey: null },
      );

      const previous = await tx.countBy(CertificateEventEntity, {
        certificateId: id,
        type: 'reissued',
      });
      const n = previous + 1;
      await tx.insert(CertificateEventEntity, {
        certificateId: id,
        type: 'reissued',
        actorId: user.id,
        note: dto.note?.trim() || null,
        data: { reason: dto.reason, n, oldHolderName: oldName, newHolderName: newName },
      });
      if (cert.userId) {
        await this.notifications.notify(tx, cert.userId, certificateReissuedNotification(cert, n));
      }
      // A fresh job id: BullMQ ignores an id it still remembers from the first issue.
      await enqueueJob(tx, {
        queue: QueueName.Certificates,
        jobName: JobName.IssueCertificate,
        jobId: certificateJobId(id, { reissue: n }),
        payload: { certificateId: id },
      });
      await recordAudit(tx, {
        action: 'certificate.reissued',
        targetType: 'certificate',
        targetId: id,
        orgUnitId: cert.issuerOrgUnitId,
        details: { serial: cert.serial, reason: dto.reason, n },
      });
    });
  }

  /** Locks the row and checks, in order: visible (404), may act (403), issued (409). */
  private async lockIssued(
    tx: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<CertificateEntity> {
    const { cert, rights } = await this.access.findVisible(user, id, tx, true);
    if (!rights.act) {
      throw new ForbiddenException({
        message: `Only a trainer of the issuing unit's scope or a sysadmin can ${action} this certificate`,
        errors: [],
      });
    }
    if (cert.status === 'pending') throw stillIssuing();
    if (cert.status === 'revoked') {
      const message =
        action === 'revoke' ? 'The certificate is already revoked' : 'The certificate is revoked';
      throw new ConflictException({ message, errors: [] });
    }
    return cert;
  }
}
