import { completedInYearJoin, courseVersionJoin, orgUnitJoin, userFrom } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CertificateRequestsService } from '../certificates/certificate-requests.service';

interface EarnedProgramme {
  curriculumId: string;
  title: string;
  hours: string;
  issuerId: string;
  issuerName: string;
  issuerCode: string;
  holderName: string;
  dateOfBirth: string | null;
}

/**
 * Programme certificates: completing, within one training year, the last course of a
 * published curriculum earns one ("Chứng chỉ chương trình bồi dưỡng") for that year,
 * pending like a course certificate until the worker issues it. Called by CourseCompletionService inside the completion transaction.
 */
@Injectable()
export class ProgramCertificateService {
  constructor(private readonly certificates: CertificateRequestsService) {}

  /** Returns the ids of the programme certificates this completion created. */
  async afterCourseCompleted(
    tx: EntityManager,
    userId: string,
    courseId: string,
    completedAt: Date,
    year: number,
  ): Promise<string[]> {
    const [candidate] = await tx.query(
      `SELECT 1 FROM curriculum_course cc JOIN curriculum c ON c.id = cc.curriculum_id
        WHERE cc.course_id = $1 AND c.status = 'published' LIMIT 1`,
      [courseId],
    );
    if (!candidate) return [];

    // Two courses of one curriculum completed at the same time by the same learner each
    // see only their own, uncommitted, completion: without this per-learner lock neither
    // would issue the programme certificate. The second waits, then (read committed) sees
    // the first one's completion in its next statement.
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('program-certificate:' || $1, 0))`,
      [userId],
    );

    // Published curricula containing the course, that the learner can see (owned by
    // their unit or an ancestor), with every course completed in this training year
    // (a programme certificate is earned once per year). Hours: those of the versions
    // the learner completed.
    const earned: EarnedProgramme[] = await tx.query(
      `SELECT c.id AS "curriculumId", c.title, sum(ev.hours) AS hours,
              o.id AS "issuerId", o.name AS "issuerName", o.code AS "issuerCode",
              u.full_name AS "holderName", to_char(u.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
         FROM ${userFrom('u')}
         ${orgUnitJoin('uo', 'u.org_unit_id')}
         JOIN curriculum c ON c.status = 'published'
                          AND c.id IN (SELECT curriculum_id FROM curriculum_course WHERE course_id = $2)
         ${orgUnitJoin('o', 'c.owner_org_unit_id', { and: `uo.path LIKE o.path || '%'` })}
         JOIN curriculum_course cc ON cc.curriculum_id = c.id
         ${completedInYearJoin('e', { userId: 'u.id', courseId: 'cc.course_id', year: '$3', left: true })}
         ${courseVersionJoin('ev', 'e.course_version_id', { left: true })}
        WHERE u.id = $1
        GROUP BY c.id, o.id, u.id
       HAVING count(*) = count(e.id)`,
      [userId, courseId, year],
    );

    const created: string[] = [];
    for (const programme of earned) {
      const id = await this.request(tx, userId, programme, completedAt, year);
      if (id) created.push(id);
    }
    return created;
  }

  private async request(
    tx: EntityManager,
    userId: string,
    p: EarnedProgramme,
    completedAt: Date,
    year: number,
  ): Promise<string | null> {
    const hours = Number(p.hours);
    // Ignored when the learner already holds this curriculum's certificate of the year.
    const certificateId = await this.certificates.requestCertificate(tx, {
      kind: 'program',
      holder: { id: userId, fullName: p.holderName, dateOfBirth: p.dateOfBirth },
      issuer: { id: p.issuerId, name: p.issuerName, code: p.issuerCode },
      title: p.title,
      hours,
      completedAt,
      year,
      curriculumId: p.curriculumId,
    });
    return certificateId;
  }
}
