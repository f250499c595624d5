import { CURRENT_ENROLMENT_SQL, MY_ENROLMENTS_SQL, VISIBLE_PUBLISHED_VERSION_SQL } from '@dx/db';
import type { EnrollResponse, MyEnrollment } from '@dx/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { TrainingLedgerService } from '../training/training-ledger.service';

export interface EnrollOutcome {
  created: boolean;
  body: EnrollResponse;
}

interface CurrentEnrollment {
  id: string;
  status: EnrollResponse['status'];
  year: number;
}

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly ledger: TrainingLedgerService,
  ) {}

  /**
   * Enrols the caller in the course's current published version for this training year.
   * The current enrolment is returned as it is (200) while in progress or completed this
   * year; one completed in an earlier year is retired (kept, with its certificate) and a
   * new one starts (201). Idempotent and safe under concurrency: the unique indexes on
   * (user, course) of the current enrolment and (user, course, year) decide who inserts,
   * everyone else reads the row that won.
   */
  async enroll(user: AuthUser, courseId: string): Promise<EnrollOutcome> {
    // Visible = owned by the caller's unit or an ancestor (sysadmin: everywhere).
    const callerPath = await this.scope.scopePath(user);
    const [course] = await this.db.query(VISIBLE_PUBLISHED_VERSION_SQL, [courseId, callerPath]);
    if (!course) throw new NotFoundException('Course not found');

    const year = this.ledger.yearOf(new Date());
    const existing = await this.current(user.id, courseId);
    if (existing && (existing.status === 'in_progress' || existing.year >= year)) {
      return { created: false, body: { enrollmentId: existing.id, status: existing.status } };
    }
    const inserted: { id: string }[] = await this.db.transaction(async (tx) => {
      if (existing) {
        await tx.query(
          `UPDATE enrollment SET current = false, updated_at = now()
            WHERE id = $1 AND current AND status = 'completed'`,
          [existing.id],
        );
      }
      // No conflict target: either unique index refusing means someone else won.
      return tx.query(
        `INSERT INTO enrollment (user_id, course_id, course_version_id, year) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [user.id, courseId, course.versionId, year],
      );
    });
    if (inserted.length)
      return { created: true, body: { enrollmentId: inserted[0].id, status: 'in_progress' } };

    const winner = (await this.current(user.id, courseId)) as CurrentEnrollment;
    return { created: false, body: { enrollmentId: winner.id, status: winner.status } };
  }

  private async current(userId: string, courseId: string): Promise<CurrentEnrollment | undefined> {
    const [row] = await this.db.query(CURRENT_ENROLMENT_SQL, [userId, courseId]);
    return row;
  }

  /**
   * The caller's enrolments of every year with the title and hours of the version they
   * study: current ones by latest activity, then earlier years' completions, newest first.
   */
  async mine(user: AuthUser): Promise<MyEnrollment[]> {
    const rows = await this.db.query(MY_ENROLMENTS_SQL, [user.id]);
    return rows.map((r: Record<string, unknown>): MyEnrollment => ({
      enrollmentId: r.id as string,
      courseId: r.course_id as string,
      title: r.title as string,
      version: r.version as number,
      hours: Number(r.hours),
      progress: r.progress as number,
      status: r.status as MyEnrollment['status'],
      completedAt: r.completed_at ? (r.completed_at as Date).toISOString() : null,
      lastLessonId: (r.last_lesson_id as string | null) ?? null,
      year: r.year as number,
      current: r.current as boolean,
    }));
  }
}
