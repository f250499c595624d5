import {
  COMPLETION_COUNTS_SQL,
  EnrollmentEntity,
  findCourseOrFail,
  findCourseVersionOrFail,
  findUnitOrFail,
  findUserById,
  LOCK_ENROLMENT_SQL,
} from '@dx/db';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityNotFoundError } from 'typeorm';
import { CertificateRequestsService } from '../certificates/certificate-requests.service';
import { ProgramCertificateService } from '../curricula/program-certificate.service';
import { TrainingLedgerService } from '../training/training-ledger.service';

export interface ProgressOutcome {
  progress: number;
  /** True only for the call that completed the course. */
  completedNow: boolean;
}

type LockedEnrollment = Pick<
  EnrollmentEntity,
  'id' | 'userId' | 'courseId' | 'courseVersionId' | 'status' | 'progress'
>;

/**
 * The one place that decides progress and completion: a course is completed when every
 * lesson of the learner's version is completed and, if the version has a final quiz, that
 * quiz is passed. Completion, the pending certificate and the outbox row that asks the
 * worker to issue it are written in the caller's transaction — all or nothing. So are the
 * training ledger's row of the year and a programme certificate when the course was the
 * last one of a curriculum completed this year.
 */
@Injectable()
export class CourseCompletionService {
  constructor(
    private readonly certificates: CertificateRequestsService,
    private readonly programmes: ProgramCertificateService,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async refresh(tx: EntityManager, enrollmentId: string): Promise<ProgressOutcome> {
    // The row lock serialises concurrent completions of one enrolment (two tabs, retries).
    // Raw SQL: this runs on every lesson completion and passed final quiz.
    const [enrollment] = (await tx.query(LOCK_ENROLMENT_SQL, [enrollmentId])) as LockedEnrollment[];
    if (!enrollment) throw new EntityNotFoundError(EnrollmentEntity, { id: enrollmentId });
    if (enrollment.status === 'completed') return { progress: 100, completedNow: false };

    const [counts] = await tx.query(COMPLETION_COUNTS_SQL, [
      enrollment.courseVersionId,
      enrollment.id,
      enrollment.userId,
    ]);
    const steps = counts.lessons + counts.finals;
    const doneSteps = counts.done + Math.min(counts.passed, counts.finals);
    const progress = steps === 0 ? 0 : Math.floor((doneSteps * 100) / steps);
    const complete = steps > 0 && doneSteps === steps;

    if (!complete) {
      if (progress !== enrollment.progress) {
        await tx.query(
          'UPDATE enrollment SET progress = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1',
          [enrollment.id, progress],
        );
      }
      return { progress, completedNow: false };
    }
    const completedAt = new Date();
    // The enrolment belongs to the year of its completion from now on (an enrolment
    // started in December and finished in January counts in January's year).
    const year = this.ledger.yearOf(completedAt);
    await tx.update(
      EnrollmentEntity,
      { id: enrollment.id },
      { progress: 100, status: 'completed', completedAt, year },
    );
    await this.requestCourseCertificate(tx, enrollment, completedAt, year);
    await this.programmes.afterCourseCompleted(
      tx,
      enrollment.userId,
      enrollment.courseId,
      completedAt,
      year,
    );
    return { progress: 100, completedNow: true };
  }

  private async requestCourseCertificate(
    tx: EntityManager,
    enrollment: LockedEnrollment,
    completedAt: Date,
    year: number,
  ): Promise<void> {
    // Each owner's read (users, courses, org units), in this transaction.
    const user = await findUserById(tx, enrollment.userId);
    if (!user) throw new Error(`Enrolment ${enrollment.id} names no existing user`);
    const version = await findCourseVersionOrFail(tx, enrollment.courseVersionId);
    const course = await findCourseOrFail(tx, enrollment.courseId);
    const issuer = await findUnitOrFail(tx, course.issuerOrgUnitId ?? course.ownerOrgUnitId);
    const certificateId = await this.certificates.requestCertificate(tx, {
      kind: 'course',
      holder: { id: user.id, fullName: user.fullName, dateOfBirth: user.dateOfBirth },
      issuer: { id: issuer.id, name: issuer.name, code: issuer.code },
      title: version.title,
      hours: version.hours,
      completedAt,
      year,
      course: { courseId: course.id, courseVersionId: version.id, enrollmentId: enrollment.id },
    });
    if (!certificateId) return;
    await this.ledger.apply(tx, user.id, year, { hours: version.hours, courses: 1 });
  }
}
