import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  CertificateDetails,
  certificateJobId,
  CertificateRegisterPage,
  JobName,
  MyCertificate,
  QueueName,
} from '@dx/contracts';
import {
  CERTIFICATE_EVENTS_SQL,
  CertificateEntity,
  certificateRegisterFrom,
  certificateRegisterPageSql,
  enqueueJob,
  findOwnCertificates,
} from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { cappedTotal, paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CertificateAccessService, escapeLike } from './certificate-access.service';
import { toDetails, toListItem, toMyCertificate } from './certificate-views';
import { ListCertificatesQuery } from './dto/list-certificates.query';

interface ListRow {
  id: string;
  kind: CertificateEntity['kind'];
  serial: string | null;
  course_id: string | null;
  status: CertificateEntity['status'];
  issued_at: Date | null;
  pdf_key: string | null;
  completed_at: Date;
  snapshot: CertificateEntity['snapshot'];
  verify_code: string | null;
}

/** Reading certificates: the holder's own, the scoped register, one with its history. */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger(CertificatesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CertificateAccessService,
    private readonly scope: OrgScopeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mine(user: AuthUser): Promise<MyCertificate[]> {
    const rows = await findOwnCertificates(this.db.manager, user.id);
    return rows.map((c) => ({
      ...toMyCertificate(c, this.config.publicBaseUrl),
      year: c.year,
      enrollmentId: c.enrollmentId,
    }));
  }

  async list(user: AuthUser, q: ListCertificatesQuery): Promise<CertificateRegisterPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scoped = await this.access.listCondition(user, params);
    let holderUnit = scoped?.holderUnit ?? false;
    let issuerUnit = false;
    if (scoped) where.push(scoped.sql);
    if (q.status) {
      params.push(q.status);
      where.push(`c.status = $${params.length}`);
    }
    if (q.orgUnitId) {
      const unit = await this.scope.findVisible(user, q.orgUnitId);
      params.push(`${escapeLike(unit.path)}%`);
      where.push(`(hu.path LIKE $${params.length} OR iu.path LIKE $${params.length})`);
      holderUnit = issuerUnit = true;
    }
    const term = q.q?.normalize('NFC').trim();
    if (term) {
      params.push(`%${escapeLike(term)}%`);
      const p = `$${params.length}`;
      where.push(
        `(c.serial ILIKE ${p} OR c.snapshot->>'holderName' ILIKE ${p} OR c.snapshot->>'title' ILIKE ${p})`,
      );
    }
    const from = certificateRegisterFrom({ issuerUnit, holderUnit, where });
    // Counted without an order, so PostgreSQL takes the cheapest way to the first rows
    // (for hr, from the people of the subtree into the holder index) and stops past the limit.
    const { total, totalExact } = await cappedTotal(this.db, `SELECT 1 ${from}`, params, q);
    const rows: ListRow[] = await this.db.query(certificateRegisterPageSql(from, params.length), [
      ...params,
      q.pageSize,
      q.offset,
    ]);
    const items = rows.map((r) =>
      toListItem(
        {
          id: r.id,
          kind: r.kind,
          serial: r.serial,
          courseId: r.course_id,
          status: r.status,
          issuedAt: r.issued_at,
          pdfKey: r.pdf_key,
          verifyCode: r.verify_code,
          completedAt: r.completed_at,
          snapshot: r.snapshot,
        },
        this.config.publicBaseUrl,
      ),
    );
    return { ...paginated(items, total, q), totalExact };
  }

  async details(user: AuthUser, id: string): Promise<CertificateDetails> {
    const { cert, rights } = await this.access.findVisible(user, id);
    const events: EventRow[] = await this.db.query(CERTIFICATE_EVENTS_SQL, [id]);
    return toDetails(
      cert,
      rights,
      events.map((e) => ({
        id: e.id,
        type: e.type,
        actorId: e.actor_id,
        actorName: e.actor_name,
        note: e.note,
        data: e.data,
        createdAt: e.created_at.toISOString(),
      })),
      this.config.publicBaseUrl,
    );
  }

  /**
   * The stored PDF of a certificate the caller may see. 409 while the worker has not
   * stored it yet (pending, or re-rendering after a re-issue).
   */
  async pdf(user: AuthUser, id: string): Promise<{ serial: string; stream: Readable }> {
    const { cert } = await this.access.findVisible(user, id);
    if (cert.status === 'pending' || !cert.pdfKey || !cert.serial) throw stillIssuing();
    if (!(await this.storage.exists(cert.pdfKey))) {
      // Lost from storage (restored backup, replaced disk): have the worker render it again
      // from the signed row rather than fail for good.
      this.logger.error(
        `PDF of certificate ${id} is missing at ${cert.pdfKey}: asking for a new rendering`,
      );
      await this.requestRendering(cert);
      throw stillIssuing();
    }
    return { serial: cert.serial, stream: this.storage.stream(cert.pdfKey) };
  }

  private async requestRendering(cert: CertificateEntity): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Only the first of concurrent requests clears the key and writes the outbox row.
      const cleared = await tx.update(
        CertificateEntity,
        { id: cert.id, pdfKey: cert.pdfKey as string },
        { pdfKey: null },
      );
      if (!cleared.affected) return;
      await enqueueJob(tx, {
        queue: QueueName.Certificates,
        jobName: JobName.IssueCertificate,
        jobId: certificateJobId(cert.id, { renderAt: Date.now() }),
        payload: { certificateId: cert.id },
      });
    });
  }
}

interface EventRow {
  id: string;
  type: string;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  created_at: Date;
}

export function stillIssuing(): ConflictException {
  return new ConflictException({ message: 'The certificate is still being issued', errors: [] });
}
