import { CertificateJob, certificateJobId, CERTIFICATES_QUEUE } from '@dx/contracts';
import {
  CertificateEntity,
  CourseEntity,
  CourseVersionEntity,
  OrgUnitEntity,
  OutboxEntity,
  UserEntity,
} from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Leaves the database as the API's completion transaction does: `count` learners who
 * completed one course, each with a pending certificate and an unsent outbox row.
 */
export async function requestCertificates(
  db: DataSource,
  count: number,
  holderName = 'Nguyễn Thị Hường',
  /** outbox: false leaves the outbox empty, so no worker picks the requests up. */
  opts: { outbox?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const unitId = randomUUID();
    const issuer = tx.create(OrgUnitEntity, {
      id: unitId,
      code: `W-${randomSuffix().toUpperCase()}`,
      name: 'Sở Khoa học và Công nghệ Hà Nội',
      parentId: null,
      path: `/${unitId}/`,
      depth: 0,
      validFrom: '2000-01-01',
    });
    await tx.insert(OrgUnitEntity, issuer);
    const course = await tx.save(
      tx.create(CourseEntity, {
        code: `WC-${randomSuffix()}`,
        ownerOrgUnitId: unitId,
        status: 'published',
      }),
    );
    const version = await tx.save(
      tx.create(CourseVersionEntity, {
        courseId: course.id,
        version: 1,
        status: 'published',
        title: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
        hours: 8,
      }),
    );
    const users = await tx.save(
      Array.from({ length: count }, (_, i) =>
        tx.create(UserEntity, {
          username: `w.${randomSuffix()}.${i}`,
          fullName: count === 1 ? holderName : `${holderName} ${i + 1}`,
          dateOfBirth: '1990-05-17',
          orgUnitId: unitId,
          dxRole: 'full_time',
          roles: ['learner'],
        }),
      ),
    );
    const certificates = await tx.save(
      users.map((u) =>
        tx.create(CertificateEntity, {
          kind: 'course',
          userId: u.id,
          courseId: course.id,
          courseVersionId: version.id,
          status: 'pending',
          completedAt: new Date(),
          hours: 8,
          issuerOrgUnitId: unitId,
          snapshot: {
            holderName: u.fullName,
            dateOfBirth: u.dateOfBirth,
            title: version.title,
            hours: 8,
            completedOn: '2026-11-26',
            issuerName: issuer.name,
            issuerCode: issuer.code,
          },
        }),
      ),
    );
    if (opts.outbox === false) return { issuer, certificates };
    await tx.insert(
      OutboxEntity,
      certificates.map((c) => ({
        queue: CERTIFICATES_QUEUE,
        jobName: CertificateJob.Issue,
        jobId: certificateJobId(c.id),
        payload: { certificateId: c.id },
      })),
    );
    return { issuer, certificates };
  });
}
