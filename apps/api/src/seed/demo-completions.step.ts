import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate } from '@dx/contracts';
import { rebuildLedger } from '@dx/reports';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CertificateRequest,
  CertificateRequestsService,
} from '../certificates/certificate-requests.service';
import type { DemoCourseVersion } from '../courses/demo/demo-courses';
import { DemoEnrollmentSpec, insertDemoEnrollments } from '../learning/demo/demo-enrollments';
import { listDemoPeople } from '../users/demo/demo-people';
import { DemoRandom } from './demo-random';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/** Which course people completed in which year, and how many of the DX staff did. */
const PLAN = [
  { course: 'CDS-CB-01', year: 2024, share: 0.65 },
  { course: 'CPS-DVC-01', year: 2025, share: 0.55 },
  { course: 'ATTT-CB-01', year: 2026, share: 0.4 },
] as const;
const IN_PROGRESS = { course: 'DLS-KT-01', share: 0.3 };
/**
 * Re-training: a share of those who completed the first course in an earlier year took it
 * again this year (a new enrolment and certificate; the old ones stay, no longer current).
 */
const RETRAINED = { course: 'CDS-CB-01', share: 0.35 };

/**
 * Learning history for the demo: completions in 2024, 2025 (on both sides of the
 * 1 July 2025 merger) and 2026, so coverage reports have figures for several years. Each
 * completion is written as the API writes one — completed enrolment, lesson completions,
 * pending certificate, its event and outbox row through the one certificate creator — and the worker issues the PDFs when it starts.
 */
@Injectable()
export class DemoCompletionsStep implements DemoSeedStep {
  readonly name = 'completions';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly certificateRequests: CertificateRequestsService,
  ) {}

  async run(ctx: DemoSeedContext): Promise<void> {
    const { tx } = ctx;
    const random = new DemoRandom(2026_07_01);
    const today = calendarDate(this.config.reportsTimeZone);
    // In the database's username order, so the draws below fall on the same people each run.
    const people = await listDemoPeople(tx);
    const versions = ctx.courses ?? new Map<string, DemoCourseVersion>();
    const unitsById = new Map([...ctx.units.values()].map((u) => [u.id, u]));

    const enrollments: DemoEnrollmentSpec[] = [];
    const certificates: CertificateRequest[] = [];
    const thisYear = Number(today.slice(0, 4));
    for (const person of people) {
      const learner = person.dxRole !== 'none' || person.username === 'hocvien.hn';
      if (!learner) continue;
      const earlier = enrollments.length;
      const retrained = person.username !== 'hocvien.hn' && random.next() < RETRAINED.share;
      const plan = [...PLAN, { course: RETRAINED.course, year: thisYear, share: 1 }];
      for (const step of plan) {
        // The earlier enrolment a re-training retires (only someone who completed it before).
        let retired: DemoEnrollmentSpec | undefined;
        if (step.course === RETRAINED.course && step.year === thisYear) {
          retired = enrollments
            .slice(earlier)
            .find((e) => e.courseId === versions.get(RETRAINED.course)?.courseId);
          if (!retrained || !retired || retired.year === thisYear) continue;
        }
        const v = versions.get(step.course);
        const issuer = v && unitsById.get(v.certifyingOrgUnitId);
        const chosen =
          person.username === 'hocvien.hn'
            ? step.year === 2024
            : step.share >= 1 || random.next() < step.share;
        if (!v || !issuer || !chosen) continue;
        const completedAt = this.randomMoment(random, step.year, today);
        if (!completedAt) continue;
        const enrollmentId = randomUUID();
        enrollments.push({
          id: enrollmentId,
          userId: person.id,
          courseId: v.courseId,
          courseVersionId: v.versionId,
          status: 'completed',
          progress: 100,
          enrolledAt: new Date(completedAt.getTime() - 14 * 86_400_000),
          completedAt,
          year: step.year,
        });
        if (retired) retired.current = false;
        certificates.push({
          kind: 'course',
          holder: { id: person.id, fullName: person.fullName, dateOfBirth: person.dateOfBirth },
          issuer: { id: issuer.id, name: issuer.name, code: issuer.code },
          title: v.title,
          hours: v.hours,
          completedAt,
          year: step.year,
          course: { courseId: v.courseId, courseVersionId: v.versionId, enrollmentId },
        });
      }
      const current = versions.get(IN_PROGRESS.course);
      if (current && random.next() < IN_PROGRESS.share) {
        enrollments.push({
          id: randomUUID(),
          userId: person.id,
          courseId: current.courseId,
          courseVersionId: current.versionId,
          status: 'in_progress',
          progress: 0,
          year: Number(today.slice(0, 4)),
        });
      }
    }

    // Completed enrolments have every lesson of their version completed, as the API requires.
    await insertDemoEnrollments(
      tx,
      enrollments,
      new Map([...versions.values()].map((v) => [v.versionId, v.lessonIds])),
    );
    await this.certificateRequests.requestCertificates(tx, certificates);
    await rebuildLedger(tx);
  }

  /** A working-hours moment of `year` (Vietnam time), never after yesterday. */
  private randomMoment(random: DemoRandom, year: number, today: string): Date | null {
    const start = Date.UTC(year, 0, 2);
    const end = Math.min(Date.UTC(year, 11, 30), Date.parse(`${today}T00:00:00Z`) - 86_400_000);
    if (end <= start) return null;
    const day = new Date(start + Math.floor(random.next() * (end - start)));
    // 08:00–16:59 in UTC+7 is 01:00–09:59 UTC.
    day.setUTCHours(1 + random.int(0, 8), random.int(0, 59), 0, 0);
    return day;
  }
}
