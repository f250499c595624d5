import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, certificateJobId, CertificateKind, JobName, QueueName } from '@dx/contracts';
import { CertificateEntity, CertificateEventEntity, enqueueJobs } from '@dx/db';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** What a certificate will say, gathered by the feature that decided it was earned. */
export interface CertificateRequest {
  kind: CertificateKind;
  holder: { id: string; fullName: string; dateOfBirth: string | null };
  issuer: { id: string; name: string; code: string };
  title: string;
  hours: number;
  completedAt: Date;
  /** Training year (the ledger's year of `completedAt`). */
  year: number;
  /** Course certificates: the completed enrolment. */
  course?: { courseId: string; courseVersionId: string; enrollmentId: string };
  /** Programme certificates: the completed curriculum. */
  curriculumId?: string;
}

/** Rows per INSERT: 13 columns stay far below PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

/**
 * The only creator of certificates. In the caller's transaction it writes each pending
 * certificate with its frozen snapshot, its `requested` event and the outbox row that asks
 * the worker to issue it, so a completion and its certificate commit together or not at all.
 * A second request for the same enrolment (course) or curriculum and year (programme) is
 * ignored by the unique indexes: the caller learns it from the missing id.
 */
@Injectable()
export class CertificateRequestsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The new certificate's id, or null when one already exists for the same completion. */
  async requestCertificate(tx: EntityManager, request: CertificateRequest): Promise<string | null> {
    const [id] = await this.requestCertificates(tx, [request]);
    return id ?? null;
  }

  /** Bulk form (the demo seed): the ids of the certificates created, in request order. */
  async requestCertificates(tx: EntityManager, requests: CertificateRequest[]): Promise<string[]> {
    const created: string[] = [];
    for (let i = 0; i < requests.length; i += CHUNK) {
      const rows = requests.slice(i, i + CHUNK).map((r) => this.row(r));
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(CertificateEntity)
        .values(rows)
        // One certificate per enrolment, or per learner, curriculum and year, whatever happens twice.
        .orIgnore()
        .returning(['id'])
        .execute();
      const ids = new Set((inserted.raw as { id: string }[]).map((r) => r.id));
      const fresh = rows.filter((r) => ids.has(r.id));
      if (fresh.length === 0) continue;
      await tx.insert(
        CertificateEventEntity,
        fresh.map((r) => ({ certificateId: r.id, type: 'requested', actorId: r.userId })),
      );
      await enqueueJobs(
        tx,
        fresh.map((r) => ({
          queue: QueueName.Certificates,
          jobName: JobName.IssueCertificate,
          jobId: certificateJobId(r.id),
          payload: { certificateId: r.id },
        })),
      );
      created.push(...fresh.map((r) => r.id));
    }
    return created;
  }

  private row(r: CertificateRequest) {
    return {
      id: randomUUID(),
      kind: r.kind,
      userId: r.holder.id,
      courseId: r.course?.courseId ?? null,
      courseVersionId: r.course?.courseVersionId ?? null,
      enrollmentId: r.course?.enrollmentId ?? null,
      curriculumId: r.curriculumId ?? null,
      status: 'pending' as const,
      completedAt: r.completedAt,
      year: r.year,
      hours: r.hours,
      issuerOrgUnitId: r.issuer.id,
      snapshot: {
        holderName: r.holder.fullName,
        dateOfBirth: r.holder.dateOfBirth,
        title: r.title,
        hours: r.hours,
        completedOn: calendarDate(this.config.reportsTimeZone, r.completedAt),
        issuerName: r.issuer.name,
        issuerCode: r.issuer.code,
      },
    };
  }
}
